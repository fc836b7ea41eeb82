using System.Collections.Immutable;
using CareerGuides.Content.Loading;
using Microsoft.Net.Http.Headers;

namespace CareerGuides.Web.Seo;

/// <summary>
/// A response the site can describe before rendering it: its canonical path and its validators. Built once per
/// content snapshot, so a request only looks it up.
/// </summary>
/// <param name="Path">The canonical path.</param>
/// <param name="ETag">A weak entity tag from the snapshot's version, the site's build and settings, and the path.</param>
/// <param name="LastModified">When the content behind the response last changed (midnight UTC of its date), if dated.</param>
internal abstract record SeoResource(string Path, EntityTagHeaderValue ETag, DateTimeOffset? LastModified);

/// <summary>A published HTML page: its canonical URL, breadcrumbs and structured data.</summary>
/// <param name="Path">The canonical path.</param>
/// <param name="ETag">The page's entity tag.</param>
/// <param name="LastModified">When the page's content last changed.</param>
/// <param name="Kind">What the page shows.</param>
/// <param name="CanonicalUrl">The absolute canonical URL, from the configured base URL.</param>
/// <param name="Breadcrumbs">The trail from the home page to this page (empty on the home page).</param>
/// <param name="BuildJsonLd">Serialises each structured-data document of the page (see <see cref="Seo.JsonLd"/>).</param>
/// <param name="Article">For a guide, its dates as Open Graph article properties.</param>
internal sealed record SeoPage(
    string Path,
    EntityTagHeaderValue ETag,
    DateTimeOffset? LastModified,
    PageKind Kind,
    string CanonicalUrl,
    ImmutableArray<Breadcrumb> Breadcrumbs,
    Func<ImmutableArray<string>> BuildJsonLd,
    ArticleDates? Article)
    : SeoResource(Path, ETag, LastModified)
{
    /// <summary>The published page this was built from (to tell, at the next reload, whether it changed).</summary>
    public PublishedPage? Source { get; init; }

    /// <summary>The part of the ETag from the build, the settings and the path (the same in every snapshot).</summary>
    public string PathHash { get; init; } = "";

    /// <summary>The Open Graph type: guides are articles, every other page is part of the web site.</summary>
    public string OpenGraphType => Article is null ? "website" : "article";
}

/// <summary>A generated text file (the sitemap, robots.txt), rendered once per snapshot.</summary>
internal sealed record SeoFile(
    string Path,
    EntityTagHeaderValue ETag,
    DateTimeOffset? LastModified,
    string ContentType,
    ReadOnlyMemory<byte> Content)
    : SeoResource(Path, ETag, LastModified);

/// <summary>One step of a breadcrumb trail.</summary>
internal sealed record Breadcrumb(string Name, string Path);

/// <summary>A guide's dates in ISO 8601 (yyyy-MM-dd), for <c>article:published_time</c> and <c>article:modified_time</c>.</summary>
internal sealed record ArticleDates(string Published, string Modified);

/// <summary>What the SEO middleware found for the request, for the page's head and the sitemap endpoints.</summary>
internal sealed record SeoFeature(SiteSeo Site, SeoResource Resource);

internal static class SeoHttpContextExtensions
{
    /// <summary>
    /// The published page this response shows, or null when the response is anything else (an error or status page,
    /// a page that answered other than 200): such responses get no canonical URL and are marked noindex.
    /// </summary>
    public static SeoPage? PublishedPage(this HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status200OK && context.Features.Get<SeoFeature>()?.Resource is SeoPage page ? page : null;
}
