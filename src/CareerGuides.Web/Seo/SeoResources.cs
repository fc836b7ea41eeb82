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
/// <remarks>
/// The canonical URL and the structured data are worked out when a page is rendered (once per content version, then
/// the page is cached), not kept for every page: for a large catalogue the structured data would be most of the
/// site's memory, and a URL string and a function per page were 2.6 MB of 10,000 guides'.
/// </remarks>
/// <param name="Path">The canonical path.</param>
/// <param name="ETag">The page's entity tag.</param>
/// <param name="LastModified">When the page's content last changed.</param>
/// <param name="Kind">What the page shows.</param>
/// <param name="Site">The site's identity, for the canonical URL.</param>
/// <param name="Breadcrumbs">The trail from the home page to this page (empty on the home page).</param>
/// <param name="StructuredData">
/// Serialises each structured-data document of a page (see <see cref="Seo.JsonLd"/>): one function for all the pages
/// of a build, holding only what it needs (not the builder, nor its snapshot), since a later snapshot's SEO data keeps
/// it for pages that did not change.
/// </param>
/// <param name="Article">For a guide, its dates as Open Graph article properties.</param>
internal sealed record SeoPage(
    string Path,
    EntityTagHeaderValue ETag,
    DateTimeOffset? LastModified,
    PageKind Kind,
    SiteIdentity Site,
    ImmutableArray<Breadcrumb> Breadcrumbs,
    Func<PublishedPage, ImmutableArray<Breadcrumb>, ImmutableArray<string>> StructuredData,
    ArticleDates? Article)
    : SeoResource(Path, ETag, LastModified)
{
    /// <summary>The published page this was built from (to tell, at the next reload, whether it changed).</summary>
    public required PublishedPage Source { get; init; }

    /// <summary>The absolute canonical URL, from the configured base URL.</summary>
    public string CanonicalUrl => Site.AbsoluteUrl(Path);

    /// <summary>Serialises each structured-data document of the page.</summary>
    public ImmutableArray<string> BuildJsonLd() => StructuredData(Source, Breadcrumbs);

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
