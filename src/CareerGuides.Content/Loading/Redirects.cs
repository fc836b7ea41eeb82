using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Model;
using CareerGuides.Content.Parsing;

namespace CareerGuides.Content.Loading;

/// <summary>Old addresses of guides (<c>redirect_from</c>), answered with a 301 to the guide's current address.</summary>
public static partial class Redirects
{
    [GeneratedRegex("^(/[a-z0-9._~-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex SitePath();

    /// <summary>
    /// The form an address is stored and looked up in: lower case, without a trailing slash. Returns null for
    /// anything that is not a plain site path.
    /// </summary>
    public static string? Normalise(string path)
    {
        var trimmed = path.Trim();
        if (trimmed.Length > 1)
        {
            trimmed = trimmed.TrimEnd('/');
        }

        var lowered = trimmed.ToLowerInvariant();
        return lowered.Length <= 200 && SitePath().IsMatch(lowered) ? lowered : null;
    }

    internal static ImmutableArray<RedirectSource> Read(List<string>? paths, string slug, FrontMatterBinder binder, DiagnosticBag diagnostics)
    {
        if (paths is null)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<RedirectSource>();
        for (var i = 0; i < paths.Count; i++)
        {
            var field = $"redirect_from[{i}]";
            var at = binder.Locate(field);
            var path = Normalise(paths[i]);
            if (path is null)
            {
                diagnostics.Error(at, DiagnosticCodes.InvalidRedirect,
                    $"'{field}' ('{paths[i]}') is not an address on this site.", field,
                    "Write the old path only, starting with '/', e.g. /guides/old-name: no domain, no '?' or '#', letters, digits, '-', '.' and '/' only.");
            }
            else if (path == $"/guides/{slug}")
            {
                diagnostics.Error(at, DiagnosticCodes.RedirectCollision,
                    $"'{field}' is this guide's own address.", field,
                    "Remove it: a page cannot redirect to itself.");
            }
            else if (result.Any(r => r.Path == path))
            {
                diagnostics.Error(at, DiagnosticCodes.RedirectCollision,
                    $"'{field}' ('{path}') is listed twice.", field, "Remove the second one.");
            }
            else
            {
                result.Add(new RedirectSource(path, at));
            }
        }

        return result.ToImmutable();
    }
}
