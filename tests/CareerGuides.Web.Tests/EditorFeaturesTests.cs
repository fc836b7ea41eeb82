using System.Net;
using System.Text.Json;

namespace CareerGuides.Web.Tests;

/// <summary>Drafts and scheduling, moved guides, and errors shown where editors look.</summary>
public sealed class EditorFeaturesTests
{
    private const string Guide = "guides/data-scientist-to-backend-developer.md";
    private const string GuideUrl = "/guides/data-scientist-to-backend-developer";

    private static void MakeDraft(string root) => Edit(root, Guide, t => t.Replace("updated:", "draft: true\nupdated:", StringComparison.Ordinal));

    private static void Schedule(string root) => Edit(root, Guide, t => System.Text.RegularExpressions.Regex.Replace(
        t, "published: .*\nupdated: .*\n", "published: 2099-01-01\nupdated: 2099-01-01\n"));

    private static void Edit(string root, string relative, Func<string, string> change)
    {
        var path = Path.Combine(root, relative);
        File.WriteAllText(path, change(File.ReadAllText(path)));
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("scheduled")]
    public async Task Unpublished_guides_are_404_and_absent_from_listings_in_production(string kind)
    {
        await using var temp = TempSite.Start("Production", prepare: kind == "draft" ? MakeDraft : Schedule);

        Assert.Equal(HttpStatusCode.NotFound, (await temp.Site.GetPageAsync(GuideUrl)).Response.StatusCode);
        foreach (var listing in new[] { "/", "/roles/data-scientist", "/roles/backend-developer" })
        {
            var (_, page) = await temp.Site.GetPageAsync(listing);
            Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == GuideUrl);
        }
    }

    [Theory]
    [InlineData("draft", "Draft.")]
    [InlineData("scheduled", "Scheduled: goes live on 1 January 2099.")]
    public async Task Unpublished_guides_show_in_development_with_a_banner(string kind, string banner)
    {
        await using var temp = TempSite.Start("Development", prepare: kind == "draft" ? MakeDraft : Schedule);

        var (response, page) = await temp.Site.GetPageAsync(GuideUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(banner, page.QuerySelector(".banner--draft strong")!.Text());
        var (_, home) = await temp.Site.GetPageAsync("/");
        Assert.Contains(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == GuideUrl);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Drafts_are_never_in_the_sitemap(string environment)
    {
        await using var temp = TempSite.Start(environment, prepare: MakeDraft);
        using var client = temp.Site.CreateClient();

        var sitemap = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(GuideUrl, sitemap);
        Assert.Contains("/guides/teacher-to-data-analyst", sitemap);
    }

    [Fact]
    public async Task Published_guides_have_no_draft_banner()
    {
        await using var temp = TempSite.Start("Development");

        var (_, page) = await temp.Site.GetPageAsync(GuideUrl);

        Assert.Null(page.QuerySelector(".banner--draft"));
    }

    [Theory]
    [InlineData("/guides/data-science-to-backend")]
    [InlineData("/guides/Data-Science-To-Backend/")]
    [InlineData("/old/ds-to-backend")]
    public async Task Old_addresses_answer_301_to_the_current_guide(string oldPath)
    {
        await using var temp = TempSite.Start(prepare: root => Edit(root, Guide, t => t.Replace(
            "updated:", "redirect_from:\n  - /guides/data-science-to-backend\n  - /old/ds-to-backend\nupdated:", StringComparison.Ordinal)));

        var (response, _) = await temp.Site.GetPageAsync(oldPath + "?utm_source=x");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(GuideUrl + "?utm_source=x", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_old_address_that_clashes_with_a_live_page_is_not_redirected_and_is_reported()
    {
        await using var temp = TempSite.Start(prepare: root => Edit(root, Guide, t => t.Replace(
            "updated:", "redirect_from: [ /roles/teacher ]\nupdated:", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, (await temp.Site.GetPageAsync("/roles/teacher")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await temp.Site.GetPageAsync(GuideUrl)).Response.StatusCode);
        var d = Assert.Single(temp.Store.Current.Diagnostics);
        Assert.Equal(("CG0205", Guide), (d.Code, d.Path));
    }

    [Fact]
    public async Task Development_shows_a_problems_banner_on_every_page_and_a_problems_page()
    {
        await using var temp = TempSite.Start("Development", prepare: root => Edit(root, "guides/teacher-to-data-analyst.md",
            t => t.Replace("timeline_months: {", "timeline_months: { min: 30, max: 2, x: {", StringComparison.Ordinal)));

        foreach (var path in new[] { "/", GuideUrl, "/roles/teacher", "/no-such-page" })
        {
            var (_, page) = await temp.Site.GetPageAsync(path);
            Assert.Contains("content error", page.QuerySelector(".banner--problems")!.Text());
        }

        var (response, problems) = await temp.Site.GetPageAsync("/_content/problems");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = problems.QuerySelector(".problem")!;
        Assert.StartsWith("content/guides/teacher-to-data-analyst.md:", first.QuerySelector("code")!.Text());
        Assert.StartsWith("Hint:", first.QuerySelector(".problem__hint")!.Text());
    }

    [Fact]
    public async Task Production_hides_the_problems_page_and_banner_but_reports_degraded_health()
    {
        await using var temp = TempSite.Start("Production", prepare: root => Edit(root, "guides/teacher-to-data-analyst.md",
            t => t.Replace("difficulty:", "difficulty: [", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.NotFound, (await temp.Site.GetPageAsync("/_content/problems")).Response.StatusCode);
        Assert.Null((await temp.Site.GetPageAsync("/")).Document.QuerySelector(".banner--problems"));

        using var client = temp.Site.CreateClient();
        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", report.RootElement.GetProperty("status").GetString());
        var files = report.RootElement.GetProperty("checks").GetProperty("content").GetProperty("data").GetProperty("filesWithErrors");
        Assert.Equal("guides/teacher-to-data-analyst.md", Assert.Single(files.EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Health_endpoints_report_alive_and_ready()
    {
        await using var temp = TempSite.Start();
        using var client = temp.Site.CreateClient();

        var alive = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"status\": \"Healthy\"", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
