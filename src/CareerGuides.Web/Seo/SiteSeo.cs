using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using CareerGuides.Content.Loading;
using CareerGuides.Content.Model;
using CareerGuides.Web.Seo.Schema;
using Microsoft.Net.Http.Headers;

namespace CareerGuides.Web.Seo;

/// <summary>The parts of the site's identity that go into its URLs, structured data and validators.</summary>
/// <param name="BaseUrl">The configured base URL without a trailing slash ("https://careerguides.example").</param>
/// <param name="Name">The site's (and publishing organisation's) name.</param>
/// <param name="Fingerprint">Changes whenever the site's code or settings do, so a new build never reuses an ETag.</param>
internal sealed record SiteIdentity(string BaseUrl, string Name, string Fingerprint)
{
    public string AbsoluteUrl(string path) => BaseUrl + path;
}

/// <summary>
/// Everything search engines are told about one content snapshot: each published page's canonical URL,
/// validators, breadcrumbs and structured data, plus the sitemap and robots.txt, all built once when the snapshot is
/// first served. A request only looks its path up here.
/// </summary>
internal sealed class SiteSeo
{
    public const string SitemapPath = "/sitemap.xml";
    public const string RobotsPath = "/robots.txt";
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    // Plain dictionaries: building frozen ones for a large catalogue cost more than the rest of the SEO data.
    private readonly Dictionary<string, SeoResource> _byPath;
    private readonly Dictionary<string, string> _canonicalByVariant;

    private SiteSeo(ImmutableArray<SeoPage> pages, ImmutableArray<SeoFile> files, SiteSeo? previous)
    {
        Pages = pages;
        _byPath = pages.Cast<SeoResource>().Concat(files).ToDictionary(r => r.Path, StringComparer.Ordinal);
        _normalised = _byPath.Keys.ToDictionary(p => p, p => previous?._normalised.GetValueOrDefault(p) ?? Normalise(p), StringComparer.Ordinal);
        _canonicalByVariant = _normalised.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }

    /// <summary>Each path's normalised form, kept for the next snapshot's build.</summary>
    private readonly Dictionary<string, string> _normalised;

    /// <summary>Every published page, in sitemap order.</summary>
    public ImmutableArray<SeoPage> Pages { get; }

    /// <summary>The page or file at exactly this canonical path, or null.</summary>
    public SeoResource? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>
    /// The canonical path of a page that <paramref name="path"/> is a variant of (other letter case, a trailing
    /// slash, repeated slashes), or null when it is not a variant of any published page.
    /// </summary>
    public string? FindCanonical(string path) =>
        _canonicalByVariant.TryGetValue(Normalise(path), out var canonical) && canonical != path ? canonical : null;

    /// <summary>Lower case, single slashes, no trailing slash except on "/".</summary>
    /// <remarks>A path already in that form (every published page's) is returned as it is, not as a copy kept beside it.</remarks>
    internal static string Normalise(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var normalised = "/" + string.Join('/', parts).ToLowerInvariant();
        return normalised == path ? path : normalised;
    }

    /// <param name="snapshot">The content.</param>
    /// <param name="site">The site's identity.</param>
    /// <param name="previous">
    /// The previous snapshot's SEO data, if any: a page whose content is the same (the same guide or role object,
    /// the same dates) keeps its breadcrumbs, URL and structured data and gets only the new version's ETag, so a
    /// reload after one save does a little work per page rather than rebuilding each.
    /// </param>
    public static SiteSeo Build(ContentSnapshot snapshot, SiteIdentity site, SiteSeo? previous = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(site);

        var builder = new PageBuilder(snapshot, site, previous);
        ImmutableArray<SeoPage> pages = [.. snapshot.Pages.All.Select(builder.Build)];
        var home = snapshot.Pages.Find(PublishedPages.HomePath)!;
        SeoFile[] files =
        [
            new(SitemapPath, builder.ETag(SitemapPath), ToHttpDate(home.LastModified), "application/xml; charset=utf-8", Sitemap(pages, snapshot.Pages)),
            new(RobotsPath, builder.ETag(RobotsPath), null, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(Robots(site))),
        ];
        return new SiteSeo(pages, [.. files], previous);
    }

    private static DateTimeOffset? ToHttpDate(DateOnly? date) =>
        date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The sitemap protocol's XML, written by XmlWriter so that it stays well-formed whatever it holds.</summary>
    private static byte[] Sitemap(ImmutableArray<SeoPage> pages, PublishedPages published)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), Indent = true, NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNamespace);
            foreach (var page in pages)
            {
                var content = published.Find(page.Path)!;
                if (!content.Live)
                {
                    continue;
                }

                xml.WriteStartElement("url", SitemapNamespace);
                xml.WriteElementString("loc", SitemapNamespace, page.CanonicalUrl);
                if (content.LastModified is { } lastModified)
                {
                    xml.WriteElementString("lastmod", SitemapNamespace, IsoDate(lastModified));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static string Robots(SiteIdentity site) =>
        $"""
        User-agent: *
        Allow: /

        Sitemap: {site.AbsoluteUrl(SitemapPath)}

        """;

    /// <summary>Builds each page's SEO data from one snapshot.</summary>
    private sealed class PageBuilder(ContentSnapshot snapshot, SiteIdentity site, SiteSeo? previous)
    {
        private static readonly Breadcrumb Home = new("Home", PublishedPages.HomePath);
        private static readonly Breadcrumb Roles = new("Roles", PublishedPages.RoleIndexPath);

        private readonly Func<PublishedPage, ImmutableArray<Breadcrumb>, ImmutableArray<string>> _structuredData = JsonLdOf(new StructuredDataWriter(site));

        /// <summary>
        /// Guides' dates, one object per pair of dates: a catalogue's guides share a few dates between thousands (10,000
        /// guides' copies were 1.1 MB). Pages are built one at a time, so a plain dictionary.
        /// </summary>
        private readonly Dictionary<(DateOnly Published, DateOnly Updated), ArticleDates> _articleDates = [];

        public SeoPage Build(PublishedPage page)
        {
            if (previous?.Find(page.Path) is SeoPage known && known.Source is { } source && source.Kind == page.Kind
                && ReferenceEquals(source.Guide, page.Guide) && ReferenceEquals(source.Role, page.Role)
                && source.LastModified == page.LastModified && source.Live == page.Live
                && page.Kind is PageKind.Guide or PageKind.Role)
            {
                return known with { ETag = ETagOf(known.PathHash), Source = page };
            }

            var (breadcrumbs, article) = page.Kind switch
            {
                PageKind.Home => ([], null),
                PageKind.RoleIndex => ([Home, Roles], null),
                PageKind.Role => (RoleTrail(page.Role!), null),
                PageKind.Guide => (GuideTrail(page.Guide!), DatesOf(page.Guide!)),
                _ => throw new ArgumentOutOfRangeException(nameof(page), page.Kind, "Unknown page kind."),
            };

            var pathHash = PathHash(page.Path);
            return new SeoPage(
                page.Path,
                ETagOf(pathHash),
                ToHttpDate(page.LastModified),
                page.Kind,
                site,
                breadcrumbs,
                _structuredData,
                article)
            {
                Source = page,
                PathHash = pathHash,
            };
        }

        /// <summary>
        /// A page's structured data, serialised when asked. Static, so that the function holds the writer only (not
        /// this builder, nor its snapshot): a later snapshot's SEO data keeps it for pages that did not change.
        /// </summary>
        private static Func<PublishedPage, ImmutableArray<Breadcrumb>, ImmutableArray<string>> JsonLdOf(StructuredDataWriter writer) =>
            (page, trail) => [.. writer.StructuredData(page, trail).Select(JsonLd.Serialize)];

        /// <summary>
        /// <c>W/"&lt;content version&gt;.&lt;hash of build, settings and path&gt;"</c>: weak, because the page is
        /// regenerated for each response and equivalent rather than promised byte for byte.
        /// </summary>
        public EntityTagHeaderValue ETag(string path) => ETagOf(PathHash(path));

        private EntityTagHeaderValue ETagOf(string pathHash) =>
            new($"\"{snapshot.Version}.{pathHash}\"", isWeak: true);

        /// <summary>The part of the ETag that depends on the build, the settings and the path, not on the content.</summary>
        private string PathHash(string path) =>
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{site.Fingerprint}\n{path}")))[..12];

        private ArticleDates DatesOf(Guide guide)
        {
            var key = (guide.Published, guide.Updated);
            if (!_articleDates.TryGetValue(key, out var dates))
            {
                _articleDates[key] = dates = new ArticleDates(IsoDate(guide.Published), IsoDate(guide.Updated));
            }

            return dates;
        }

        private static ImmutableArray<Breadcrumb> RoleTrail(Role role) => [Home, Roles, new(role.Title, role.Url)];

        private static ImmutableArray<Breadcrumb> GuideTrail(Guide guide) =>
            [Home, Roles, new(guide.From.Title, guide.From.Url), new(guide.Title, guide.Url)];
    }

    /// <summary>Writes a page's schema.org structured data.</summary>
    private sealed class StructuredDataWriter(SiteIdentity site)
    {
        private const string Language = "en-GB";

        private readonly Organization _organization = new(site.AbsoluteUrl(PublishedPages.HomePath)) { Name = site.Name };

        public Thing[] StructuredData(PublishedPage page, ImmutableArray<Breadcrumb> trail) => page.Kind switch
        {
            PageKind.Home => [Website(), _organization],
            PageKind.RoleIndex => [BreadcrumbList(trail)],
            PageKind.Role => [BreadcrumbList(trail), Occupation(page.Role!)],
            _ => GuideData(page.Guide!, trail),
        };

        private Thing[] GuideData(Guide guide, ImmutableArray<Breadcrumb> trail)
        {
            var url = site.AbsoluteUrl(guide.Url);
            var article = new Article(
                Headline: guide.Title,
                Description: guide.Summary,
                DatePublished: guide.Published,
                DateModified: guide.Updated,
                Author: _organization,
                Publisher: _organization,
                Url: url,
                MainEntityOfPage: url,
                InLanguage: Language);
            var faqs = new FaqPage([.. guide.Faqs.Select(f => new Question(new Answer(f.AnswerHtml.ToString())) { Name = f.Question })]);
            return [article, BreadcrumbList(trail), faqs, Occupation(guide.From), Occupation(guide.To)];
        }

        private WebSite Website() =>
            new(site.AbsoluteUrl(PublishedPages.HomePath), Language, _organization) { Name = site.Name };

        private BreadcrumbList BreadcrumbList(ImmutableArray<Breadcrumb> trail) =>
            new([.. trail.Select((crumb, i) => new ListItem(i + 1, site.AbsoluteUrl(crumb.Path)) { Name = crumb.Name })]);

        /// <summary>A role as an occupation in the UK, with one distribution per salary band (GBP a year).</summary>
        private Occupation Occupation(Role role)
        {
            var url = site.AbsoluteUrl(role.Url);
            return new Occupation(
                role.Summary,
                url,
                new WebPage(url, role.SalarySource.Reviewed),
                new Country { Name = "United Kingdom" },
                [Band("Entry", role.Salary.Entry), Band("Mid-career", role.Salary.MidCareer), Band("Senior", role.Salary.Senior)])
            { Name = role.Title };
        }

        private static MonetaryAmountDistribution Band(string level, SalaryBand band) =>
            new("GBP", "P1Y", band.Min, band.Max) { Name = level };
    }
}
