using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;

namespace CareerGuides.Web.Tests.Seo;

/// <summary>Every published page carries a unique title and description, its canonical URL, Open Graph and Twitter card tags, in en-GB.</summary>
[Collection(SharedSite.Name)]
public sealed class MetadataTests(SiteFactory site)
{
    [Theory]
    [MemberData(nameof(SeoTestSupport.PageTypes), MemberType = typeof(SeoTestSupport))]
    public async Task Open_graph_and_twitter_tags_repeat_the_pages_title_description_and_canonical_url(string path)
    {
        var (_, page) = await site.GetPageAsync(path);

        var title = page.Title!;
        var description = page.Meta("meta[name=description]");
        var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href");
        Assert.EndsWith(" | CareerGuides", title);
        Assert.False(string.IsNullOrWhiteSpace(description));
        Assert.Equal(title[..^" | CareerGuides".Length], page.Meta("meta[property='og:title']"));
        Assert.Equal(description, page.Meta("meta[property='og:description']"));
        Assert.Equal(canonical, page.Meta("meta[property='og:url']"));
        Assert.Equal("CareerGuides", page.Meta("meta[property='og:site_name']"));
        Assert.Equal("en_GB", page.Meta("meta[property='og:locale']"));
        Assert.Equal("summary", page.Meta("meta[name='twitter:card']"));
        Assert.Equal(page.Meta("meta[property='og:title']"), page.Meta("meta[name='twitter:title']"));
        Assert.Equal(description, page.Meta("meta[name='twitter:description']"));
        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
        Assert.Null(page.QuerySelector("meta[name=robots]"));
    }

    [Fact]
    public async Task A_guide_is_an_article_with_its_dates_and_every_other_page_a_website()
    {
        var (_, guide) = await site.GetPageAsync("/guides/data-scientist-to-backend-developer");
        var (_, role) = await site.GetPageAsync("/roles/data-scientist");
        var (_, home) = await site.GetPageAsync("/");

        Assert.Equal("article", guide.Meta("meta[property='og:type']"));
        Assert.Equal("2026-02-16", guide.Meta("meta[property='article:published_time']"));
        Assert.Equal("2026-11-20", guide.Meta("meta[property='article:modified_time']"));
        Assert.Equal("website", role.Meta("meta[property='og:type']"));
        Assert.Equal("website", home.Meta("meta[property='og:type']"));
        Assert.Null(role.QuerySelector("meta[property='article:published_time']"));
    }

    [Fact]
    public async Task A_guides_description_is_its_summary()
    {
        var (_, page) = await site.GetPageAsync("/guides/teacher-to-data-analyst");

        Assert.Equal(SeoTestSupport.Content.FindGuide("teacher-to-data-analyst")!.Summary, page.Meta("meta[name=description]"));
    }

    [Fact]
    public async Task Every_page_in_the_sitemap_has_its_own_title_and_description()
    {
        var pages = new List<IDocument>();
        foreach (var path in await SitemapPathsAsync())
        {
            var (response, page) = await site.GetPageAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages.Add(page);
        }

        var titles = pages.Select(p => p.Title).ToArray();
        var descriptions = pages.Select(p => p.Meta("meta[name=description]")).ToArray();

        Assert.Equal(24, pages.Count);
        Assert.All(titles, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        Assert.All(descriptions, d => Assert.False(string.IsNullOrWhiteSpace(d)));
        Assert.Equal(titles.Length, titles.Distinct().Count());
        Assert.Equal(descriptions.Length, descriptions.Distinct().Count());
    }

    private async Task<string[]> SitemapPathsAsync()
    {
        using var response = await site.SendAsync(HttpMethod.Get, "/sitemap.xml");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return [.. xml.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(l => new Uri(l.Value).AbsolutePath)];
    }
}
