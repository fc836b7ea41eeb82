namespace CareerGuides.Content.Loading;

/// <summary>Site paths that are not content pages. Old guide addresses may not use them.</summary>
public static class SitePaths
{
    public static IReadOnlyList<string> Reserved { get; } =
        ["/", "/roles", "/guides", "/search", "/error", "/healthz", "/readyz", "/sitemap.xml", "/robots.txt", "/_content/problems"];
}
