using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Model;
using Diagnostic = CareerGuides.Content.Diagnostics.Diagnostic;

namespace CareerGuides.Content.Loading;

/// <summary>What one load produced, and the figures the site logs about it.</summary>
/// <param name="Snapshot">The content to publish.</param>
/// <param name="FilesRead">How many content files were read.</param>
/// <param name="FilesRejected">How many were left out because of errors.</param>
/// <param name="Duration">How long the load took.</param>
public sealed record LoadResult(ContentSnapshot Snapshot, int FilesRead, int FilesRejected, TimeSpan Duration);

/// <summary>
/// Loads a content folder (<c>roles/</c> and <c>guides/</c>) into an immutable <see cref="ContentSnapshot"/>.
/// All parsing, validation, Markdown rendering and derivation happen here. A file with errors is left out and its
/// diagnostics are kept; every other file is published.
/// </summary>
public sealed class ContentLoader(TimeProvider timeProvider)
{
    public const string RolesFolder = "roles";
    public const string GuidesFolder = "guides";

    public ContentLoader()
        : this(TimeProvider.System)
    {
    }

    /// <exception cref="DirectoryNotFoundException">The content root does not exist (a configuration error, not a content error).</exception>
    public LoadResult Load(string contentRoot)
    {
        var stopwatch = Stopwatch.StartNew();
        var root = Path.GetFullPath(contentRoot);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The content folder '{root}' does not exist.");
        }

        var diagnostics = new List<Diagnostic>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var roleFiles = ReadFolder(root, RolesFolder, diagnostics, hash);
        var guideFiles = ReadFolder(root, GuidesFolder, diagnostics, hash);
        var unreadable = diagnostics.Count;
        var rejected = unreadable;

        var roles = new Dictionary<string, Role>(StringComparer.Ordinal);
        var brokenRoles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in roleFiles)
        {
            var bag = new DiagnosticBag(file.RelativePath);
            var slug = Slugs.FromPath(file.RelativePath);
            var role = roles.TryGetValue(slug, out var first)
                ? Duplicate<Role>(bag, slug, first.SourcePath)
                : Guarded(bag, () => RoleReader.Read(file.RelativePath, file.Text, bag));
            diagnostics.AddRange(bag.Items);
            if (role is not null)
            {
                roles.Add(slug, role);
            }
            else
            {
                rejected++;
                brokenRoles.Add(slug);
            }
        }

        brokenRoles.ExceptWith(roles.Keys);
        var guides = new Dictionary<string, Guide>(StringComparer.Ordinal);
        foreach (var file in guideFiles)
        {
            var bag = new DiagnosticBag(file.RelativePath);
            var slug = Slugs.FromPath(file.RelativePath);
            var guide = guides.TryGetValue(slug, out var first)
                ? Duplicate<Guide>(bag, slug, first.SourcePath)
                : Guarded(bag, () => GuideReader.Read(file.RelativePath, file.Text, roles, brokenRoles, bag));
            diagnostics.AddRange(bag.Items);
            if (guide is not null)
            {
                guides.Add(slug, guide);
            }
            else
            {
                rejected++;
            }
        }

        var version = Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
        var snapshot = new ContentSnapshot(roles.Values, guides.Values, diagnostics, version, timeProvider.GetUtcNow());
        return new LoadResult(snapshot, roleFiles.Count + guideFiles.Count + unreadable, rejected, stopwatch.Elapsed);
    }

    /// <summary>
    /// Reads one file so that nothing in it, not even a fault in a parser, can stop the others from loading: an
    /// unexpected exception becomes an error diagnostic on that file.
    /// </summary>
    private static T? Guarded<T>(DiagnosticBag bag, Func<T?> read)
        where T : class
    {
        try
        {
            return read();
        }
#pragma warning disable CA1031 // The load is the boundary: one file's fault must not take the site down.
        catch (Exception e)
#pragma warning restore CA1031
        {
            bag.Error(SourceLocation.FileStart, DiagnosticCodes.UnreadableFile,
                $"The file could not be read: {e.GetType().Name}: {e.Message}", null,
                "This is probably a bug in the site rather than in the file: report it with the file attached. The rest of the site is unaffected.");
            return null;
        }
    }

    private static T? Duplicate<T>(DiagnosticBag bag, string slug, string firstPath)
        where T : class
    {
        bag.Error(SourceLocation.FileStart, DiagnosticCodes.DuplicateSlug,
            $"The slug '{slug}' is already used by '{firstPath}'.", null,
            "Two files in different folders have the same name; each page needs its own. Rename or delete one of them.");
        return null;
    }

    private sealed record ContentFile(string RelativePath, string Text);

    /// <summary>Reads every <c>.md</c> file under a folder, in a stable order; an unreadable file becomes a diagnostic.</summary>
    private static List<ContentFile> ReadFolder(string root, string folder, List<Diagnostic> diagnostics, IncrementalHash hash)
    {
        var files = new List<ContentFile>();
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory))
        {
            return files;
        }

        var paths = Directory.EnumerateFiles(directory, "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        foreach (var relativePath in paths)
        {
            try
            {
                var text = File.ReadAllText(Path.Combine(root, relativePath), Encoding.UTF8);
                hash.AppendData(Encoding.UTF8.GetBytes(relativePath + "\n" + text + "\0"));
                files.Add(new ContentFile(relativePath, text));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new Diagnostic(relativePath, 1, 1, DiagnosticSeverity.Error, DiagnosticCodes.UnreadableFile,
                    $"The file could not be read: {e.Message}", null,
                    "Check that the file exists and that the site is allowed to read it."));
            }
        }

        return files;
    }
}
