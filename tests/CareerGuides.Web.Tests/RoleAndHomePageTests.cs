using System.Net;

namespace CareerGuides.Web.Tests;

[Collection(SharedSite.Name)]
public sealed class RoleAndHomePageTests(SiteFactory site)
{
    [Fact]
    public async Task Role_page_shows_overview_salary_typical_day_and_guides_both_ways()
    {
        var (response, page) = await site.GetPageAsync("/roles/data-scientist");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Data Scientist", page.QuerySelector("h1")!.Text());
        Assert.NotEmpty(page.QuerySelectorAll(".prose p"));
        Assert.Equal(
            ["£32,000–£45,000", "£50,000–£80,000", "£85,000–£150,000+"],
            page.QuerySelectorAll(".salary-table td").Select(td => td.Text()));
        Assert.Contains("Exploratory data analysis and feature engineering", page.QuerySelector(".typical-day")!.Text());

        var from = page.QuerySelectorAll("section[aria-labelledby=from-heading] a").Select(a => a.GetAttribute("href"));
        var into = page.QuerySelectorAll("section[aria-labelledby=into-heading] a").Select(a => a.GetAttribute("href"));
        Assert.Contains("/guides/data-scientist-to-backend-developer", from);
        Assert.Contains("/guides/data-scientist-to-product-manager", from);
        Assert.Contains("/guides/data-analyst-to-data-scientist", into);
    }

    [Fact]
    public async Task Target_role_page_lists_the_guides_into_it()
    {
        var (_, page) = await site.GetPageAsync("/roles/backend-developer");

        var into = page.QuerySelectorAll("section[aria-labelledby=into-heading] a").Select(a => a.Text()).ToArray();

        Assert.Contains("Data Scientist to Backend Developer", into);
        Assert.Contains("Frontend Developer to Backend Developer", into);
    }

    [Fact]
    public async Task Home_page_lists_every_guide_grouped_by_starting_role()
    {
        var (response, page) = await site.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var groups = page.QuerySelectorAll("section.guide-group");
        var links = groups.SelectMany(g => g.QuerySelectorAll(".guide-list a")).Select(a => a.GetAttribute("href")).ToArray();
        Assert.True(links.Length >= 11, $"{links.Length} guides on the home page");
        Assert.Equal(links.Length, links.Distinct().Count());
        var dataScientists = groups.Single(g => g.QuerySelector("h2")!.Text() == "If you are a Data Scientist");
        Assert.All(dataScientists.QuerySelectorAll(".guide-list a"), a => Assert.StartsWith("/guides/data-scientist-to-", a.GetAttribute("href")));
    }

    [Fact]
    public async Task Every_guide_and_role_linked_from_the_site_answers_200()
    {
        var (_, home) = await site.GetPageAsync("/");
        var (_, roles) = await site.GetPageAsync("/roles");

        var paths = home.QuerySelectorAll("main a").Concat(roles.QuerySelectorAll("main a"))
            .Select(a => a.GetAttribute("href")!)
            .Distinct()
            .ToArray();

        Assert.Contains(paths, p => p.StartsWith("/roles/", StringComparison.Ordinal));
        foreach (var path in paths)
        {
            var (response, _) = await site.GetPageAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }
    }
}
