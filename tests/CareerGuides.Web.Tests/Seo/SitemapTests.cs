using System.Globalization;
using System.Net;
using System.Xml.Linq;
using CareerGuides.Content.Model;

namespace CareerGuides.Web.Tests.Seo;

/// <summary>/sitemap.xml lists every published page with its content's last change; /robots.txt points to it.</summary>
[Collection(SharedSite.Name)]
public sealed class SitemapTests(SiteFactory site)
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task The_sitemap_lists_every_published_page_once_at_its_canonical_url()
    {
        var entries = await EntriesAsync(site);

        var content = SeoTestSupport.Content;
        string[] expected = ["/", "/roles", .. content.Roles.Select(r => r.Url), .. content.Guides.Select(g => g.Url)];
        Assert.Equal(24, entries.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal).Select(p => SiteFactory.BaseUrl + p), entries.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_lastmod_comes_from_the_contents_own_dates()
    {
        var entries = await EntriesAsync(site);

        var content = SeoTestSupport.Content;
        foreach (var guide in content.Guides)
        {
            Assert.Equal(Iso(guide.Updated), entries[SiteFactory.BaseUrl + guide.Url]);
        }

        var roleDates = content.Roles.ToDictionary(r => r.Slug, RoleDate);
        foreach (var role in content.Roles)
        {
            Assert.Equal(Iso(roleDates[role.Slug]), entries[SiteFactory.BaseUrl + role.Url]);
        }

        var latest = roleDates.Values.Concat(content.Guides.Select(g => g.Updated)).Max();
        Assert.Equal(Iso(latest), entries[SiteFactory.BaseUrl + "/"]);
        Assert.Equal(Iso(roleDates.Values.Max()), entries[SiteFactory.BaseUrl + "/roles"]);

        // Worked by hand: Backend Developer's salaries were reviewed on 1 November 2026; of the guides into and from
        // it, Data Scientist to Backend Developer was updated last, on 20 November 2026.
        Assert.Equal("2026-11-20", entries[SiteFactory.BaseUrl + "/roles/backend-developer"]);
        Assert.Equal("2026-11-24", entries[SiteFactory.BaseUrl + "/"]);

        DateOnly RoleDate(Role role) =>
            content.Guides.Where(g => g.From.Slug == role.Slug || g.To.Slug == role.Slug).Select(g => g.Updated)
                .Append(role.SalarySource.Reviewed).Max();
    }

    [Fact]
    public async Task Every_url_in_the_sitemap_answers_200_and_names_itself_canonical()
    {
        var entries = await EntriesAsync(site);

        foreach (var url in entries.Keys)
        {
            var (response, page) = await site.GetPageAsync(new Uri(url).AbsolutePath);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            Assert.Equal(url, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task The_sitemap_is_utf8_xml()
    {
        using var response = await site.SendAsync(HttpMethod.Get, "/sitemap.xml");
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task The_sitemap_stays_well_formed_whatever_the_content_holds()
    {
        using var content = new SeoTestSupport.ContentCopy()
            .Replace("roles/teacher.md", "title: Teacher", "title: 'Teacher & <Tutor> ]]> \"quoted\" \u00e9\u00e8 \U0001F600'")
            .Replace("guides/teacher-to-data-analyst.md", "updated: 2026-10-05", "updated: 2026-11-25");
        await using var hostile = new SiteFactory(content.Root, "Production");

        var entries = await EntriesAsync(hostile);

        Assert.Equal(24, entries.Count);
        Assert.Equal("2026-11-25", entries[SiteFactory.BaseUrl + "/guides/teacher-to-data-analyst"]);
        Assert.Equal("2026-11-25", entries[SiteFactory.BaseUrl + "/roles/teacher"]);
    }

    [Fact]
    public async Task Robots_txt_allows_crawling_and_points_to_the_sitemap_by_absolute_url()
    {
        using var response = await site.SendAsync(HttpMethod.Get, "/robots.txt");
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Sitemap: https://careerguides.test/sitemap.xml", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Disallow: /", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The sitemap's entries: loc to lastmod.</summary>
    private static async Task<Dictionary<string, string>> EntriesAsync(SiteFactory factory)
    {
        using var response = await factory.SendAsync(HttpMethod.Get, "/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(Ns + "urlset", xml.Root!.Name);
        var urls = xml.Root.Elements().ToArray();
        Assert.All(urls, u => Assert.Equal(Ns + "url", u.Name));
        return urls.ToDictionary(u => u.Element(Ns + "loc")!.Value, u => u.Element(Ns + "lastmod")!.Value);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
