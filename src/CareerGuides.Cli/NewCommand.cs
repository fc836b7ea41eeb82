using CareerGuides.Content.Loading;
using CareerGuides.Content.Parsing;
using CareerGuides.Content.Schema;

namespace CareerGuides.Cli;

/// <summary>Scaffolds a new guide or role file, ready to fill in, with every field present and commented.</summary>
internal static class NewCommand
{
    public static int Guide(string contentPath, string from, string to, TimeProvider time, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(contentPath))
        {
            error.WriteLine($"error: the content folder '{contentPath}' does not exist.");
            return ExitCodes.Usage;
        }

        var roles = RoleSlugs(contentPath);
        foreach (var (option, slug) in new[] { ("--from", from), ("--to", to) })
        {
            if (!roles.Contains(slug))
            {
                var suggestion = FrontMatterBinder.Suggest(slug, roles);
                error.WriteLine($"error: {option} names the role '{slug}', which does not exist in {Path.Combine(contentPath, ContentBuilder.RolesFolder)}.");
                error.WriteLine(suggestion is null
                    ? $"    hint: create it first with: careerguides new role {slug}"
                    : $"    hint: did you mean '{suggestion}'?");
                return ExitCodes.Errors;
            }
        }

        if (from == to)
        {
            error.WriteLine("error: --from and --to must be different roles.");
            return ExitCodes.Errors;
        }

        var path = Path.Combine(contentPath, ContentBuilder.GuidesFolder, Slugs.ForGuide(from, to) + ".md");
        return Write(path, Scaffolder.Guide(from, to, Today(time)), output, error);
    }

    public static int Role(string contentPath, string slug, TimeProvider time, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(contentPath))
        {
            error.WriteLine($"error: the content folder '{contentPath}' does not exist.");
            return ExitCodes.Usage;
        }

        if (!Slugs.IsValid(slug))
        {
            error.WriteLine($"error: '{slug}' is not a valid role slug.");
            error.WriteLine("    hint: use lower-case letters, digits and single hyphens, e.g. data-scientist.");
            return ExitCodes.Errors;
        }

        if (RoleSlugs(contentPath).Contains(slug))
        {
            error.WriteLine($"error: a role '{slug}' already exists; nothing was written.");
            return ExitCodes.Errors;
        }

        var path = Path.Combine(contentPath, ContentBuilder.RolesFolder, slug + ".md");
        return Write(path, Scaffolder.Role(slug, Today(time)), output, error);
    }

    private static int Write(string path, string text, TextWriter output, TextWriter error)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream);
            writer.Write(text);
        }
        catch (IOException) when (File.Exists(path))
        {
            error.WriteLine($"error: {path} already exists; nothing was written.");
            return ExitCodes.Errors;
        }

        output.WriteLine($"Wrote {path.Replace('\\', '/')}. It is a draft: fill in every TODO, then remove 'draft: true' to publish it.");
        return ExitCodes.Ok;
    }

    private static HashSet<string> RoleSlugs(string contentPath)
    {
        var folder = Path.Combine(contentPath, ContentBuilder.RolesFolder);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Select(Slugs.FromPath).ToHashSet(StringComparer.Ordinal)
            : [];
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
