using System.Net;
using AngleSharp.Dom;

namespace CareerGuides.Web.Tests;

/// <summary>/search: the empty form, ranked results with misspellings and plurals, no-results suggestions, noindex.</summary>
[Collection(SharedSite.Name)]
public sealed class SearchPageTests(SiteFactory site)
{
    private async Task<IDocument> SearchAsync(string path)
    {
        var (response, page) = await site.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    private static string[] ResultLinks(IDocument page) => [.. page.QuerySelectorAll(".search-result__title a").Select(a => a.GetAttribute("href")!)];

    [Fact]
    public async Task Without_a_query_the_page_is_an_empty_search_form_with_its_own_title_and_description()
    {
        var page = await SearchAsync("/search");

        Assert.Equal("Search guides and roles | CareerGuides", page.Title);
        Assert.Equal("Search guides and roles", page.QuerySelector("h1")!.Text());
        Assert.Equal("Search CareerGuides' UK career-change guides and roles by job title, skill or sector.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        var form = page.QuerySelector("main form[role=search]")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        var input = form.QuerySelector("input[name=q]")!;
        Assert.Equal("", input.GetAttribute("value"));
        Assert.Equal("Search guides and roles", page.QuerySelector($"label[for={input.Id}]")!.Text());
        Assert.Empty(page.QuerySelectorAll(".search-result"));
        Assert.Null(page.QuerySelector(".search-empty"));
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/search?q=analist")]
    [InlineData("/search?q=astronaut")]
    public async Task Search_pages_are_noindex_with_no_canonical_url_and_not_in_the_sitemap(string path)
    {
        var page = await SearchAsync(path);

        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Null(page.QuerySelector("link[rel=canonical]"));
        var sitemap = await site.CreateClient().GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("/search", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_ranked_and_a_misspelling_says_what_was_included()
    {
        var page = await SearchAsync("/search?q=analist");

        Assert.Equal("Search results for “analist” | CareerGuides", page.Title);
        Assert.Equal("/roles/data-analyst", ResultLinks(page)[0]);
        Assert.Contains("/guides/teacher-to-data-analyst", ResultLinks(page));
        Assert.StartsWith($"{ResultLinks(page).Length} results for “analist”, including results for “analyst”", page.QuerySelector(".search-summary")!.Text());
        Assert.Equal("analist", page.QuerySelector("main input[name=q]")!.GetAttribute("value"));
        Assert.Equal("Role · Technology", page.QuerySelector(".search-result__kind")!.Text());
    }

    [Fact]
    public async Task Results_show_the_same_order_as_the_index()
    {
        var page = await SearchAsync("/search?q=developr");

        var expected = SeoTestSupportContent().Search.Search("developr").Hits.Select(h => h.Url);
        Assert.Equal(expected, ResultLinks(page));
        Assert.Equal("/roles/backend-developer", ResultLinks(page)[0]);
    }

    [Fact]
    public async Task A_plural_finds_the_role()
    {
        var page = await SearchAsync("/search?q=teachers");

        Assert.Equal("/roles/teacher", ResultLinks(page)[0]);
        Assert.Contains(page.QuerySelectorAll(".search-result--guide .search-result__meta"), p => p.Text().Contains("months", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_results_suggests_every_role_by_sector()
    {
        var page = await SearchAsync("/search?q=astronaut");

        Assert.Equal("No guides or roles match “astronaut”", page.QuerySelector(".search-empty h2")!.Text());
        Assert.Empty(page.QuerySelectorAll(".search-result"));
        var suggested = page.QuerySelectorAll(".search-empty .sector__roles a").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Equal(SeoTestSupportContent().Roles.Length, suggested.Length);
        Assert.Contains("/roles/teacher", suggested);
        Assert.Contains(page.QuerySelectorAll(".search-empty .sector__name"), h => h.Text() == "Education");
    }

    [Fact]
    public async Task The_query_is_shown_as_text_never_as_markup()
    {
        const string Query = "<script>alert(1)</script><b>zzqx</b>";
        var (_, page) = await site.GetPageAsync("/search?q=" + Uri.EscapeDataString(Query));

        Assert.Empty(page.QuerySelectorAll("main script, main b"));
        Assert.Equal(Query, page.QuerySelector("main input[name=q]")!.GetAttribute("value"));
        Assert.Contains(Query, page.QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_and_not_found_pages_have_a_search_form()
    {
        var (_, home) = await site.GetPageAsync("/");
        var (_, missing) = await site.GetPageAsync("/guides/no-such-guide");

        Assert.NotNull(home.QuerySelector("main form[action='/search'] input[name=q]"));
        Assert.NotNull(missing.QuerySelector("main form[action='/search'] input[name=q]"));
        Assert.Contains(home.QuerySelectorAll("header nav a"), a => a.GetAttribute("href") == "/search");
    }

    private static CareerGuides.Content.Loading.ContentSnapshot SeoTestSupportContent() => Seo.SeoTestSupport.Content;
}
