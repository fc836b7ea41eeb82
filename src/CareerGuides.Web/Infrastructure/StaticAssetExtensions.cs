namespace CareerGuides.Web.Infrastructure;

/// <summary>The site's CSS, JavaScript and icons (wwwroot), served by MapStaticAssets under fingerprinted URLs.</summary>
public static class StaticAssetExtensions
{
    /// <summary>
    /// Serves static assets the same way in every environment. MapStaticAssets answers a browser that accepts gzip or
    /// Brotli with the pre-compressed copy of a file; from a build (not a publish) those copies live in obj/ and are
    /// found through the static web assets manifest, which ASP.NET Core reads by itself only in Development. Without
    /// this, the site run from its build output in Production (CI's site checks, the browser tests) answered
    /// compressed requests for site.css with an empty 200. A published site has no such manifest, so this does nothing
    /// there.
    /// </summary>
    public static WebApplicationBuilder UseStaticAssetsFromBuildOutput(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }
}
