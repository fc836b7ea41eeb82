using System.Text.RegularExpressions;

namespace CareerGuides.Content.Loading;

/// <summary>Slugs: the lower-case, hyphenated names that become page addresses.</summary>
public static partial class Slugs
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    public static bool IsValid(string slug) => slug.Length <= 100 && SlugPattern().IsMatch(slug);

    /// <summary>Turns a name into a slug: "Health &amp; Social Care" gives "health-social-care".</summary>
    public static string Slugify(string name) =>
        string.Join('-', NonAlphanumeric().Split(name.ToLowerInvariant()).Where(part => part.Length > 0));

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonAlphanumeric();

    /// <summary>The slug a file's name gives it: <c>guides/a-to-b.md</c> gives <c>a-to-b</c>.</summary>
    public static string FromPath(string relativePath) => Path.GetFileNameWithoutExtension(relativePath);

    /// <summary>The slug a guide between two roles must have.</summary>
    public static string ForGuide(string fromSlug, string toSlug) => $"{fromSlug}-to-{toSlug}";
}
