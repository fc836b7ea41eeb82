using System.Text.RegularExpressions;

namespace CareerGuides.Content.Safety;

/// <summary>
/// Which link and image addresses content may use: http, https and mailto, and relative addresses (a path, a
/// fragment, a query). Every other scheme (javascript:, data:, vbscript:, file:, ...) is refused, whatever its
/// letter case and however it was written: the check runs on the address Markdig decoded (entities and backslash
/// escapes resolved), after removing what a browser itself ignores in an address (tabs and line breaks anywhere,
/// control characters and spaces at either end), so "java&amp;#9;script:" or " JaVaScRiPt:" is refused too.
/// </summary>
public static partial class LinkPolicy
{
    /// <summary>The schemes content may link to.</summary>
    public static IReadOnlyList<string> AllowedSchemes { get; } = ["http", "https", "mailto"];

    [GeneratedRegex("^([a-zA-Z][a-zA-Z0-9+.-]*):", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePrefix();

    /// <summary>Whether the address may be published as a link or image source.</summary>
    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var scheme = SchemeOf(url);
        return scheme is null || AllowedSchemes.Contains(scheme, StringComparer.Ordinal);
    }

    /// <summary>The address's scheme in lower case as a browser would read it, or null for a relative address.</summary>
    public static string? SchemeOf(string url)
    {
        // WHATWG URL parsing: strip leading and trailing C0 controls and spaces, then remove every tab and newline.
        var cleaned = url.Trim(Enumerable.Range(0, 0x21).Select(c => (char)c).ToArray())
            .Replace("\t", "", StringComparison.Ordinal)
            .Replace("\n", "", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal);
        var match = SchemePrefix().Match(cleaned);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }
}
