using CareerGuides.Web.Seo;

namespace CareerGuides.Web.Infrastructure;

/// <summary>
/// What the site does for search engines: canonical addresses (301 for variants), caching validators and 304s,
/// head metadata and structured data (see Pages/Shared/_Meta.cshtml), the sitemap and robots.txt.
/// </summary>
public static class SeoExtensions
{
    /// <summary>The per-snapshot SEO catalog. <c>Site:BaseUrl</c> is validated with the other site settings.</summary>
    public static WebApplicationBuilder AddSeo(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SeoCatalog>();
        return builder;
    }

    /// <summary>
    /// Adds the SEO middleware (place it before routing, after the error handlers, so redirects and 304s skip
    /// rendering) and maps /sitemap.xml and /robots.txt.
    /// </summary>
    public static WebApplication UseSeo(this WebApplication app)
    {
        // Build the first snapshot's SEO data before the first request, like the content itself.
        _ = app.Services.GetRequiredService<SeoCatalog>().Current;

        app.UseMiddleware<SeoMiddleware>();
        app.MapMethods(SiteSeo.SitemapPath, [HttpMethods.Get, HttpMethods.Head], ServeFile);
        app.MapMethods(SiteSeo.RobotsPath, [HttpMethods.Get, HttpMethods.Head], ServeFile);
        return app;
    }

    private static IResult ServeFile(HttpContext context) =>
        context.Features.Get<SeoFeature>()?.Resource is SeoFile file
            ? Results.Bytes(file.Content, file.ContentType)
            : Results.NotFound();
}
