using AngleSharp.Dom;

namespace CareerGuides.Web.Tests;

/// <summary>Where readers start: "I am a …" and "I want to become …" by sector on the home page, and the role hubs.</summary>
[Collection(SharedSite.Name)]
public sealed class DiscoveryTests(SiteFactory site)
{
    private static readonly CareerGuides.Content.Loading.ContentSnapshot Content = Seo.SeoTestSupport.Content;

    private static IElement Panel(IDocument page, string heading) =>
        page.QuerySelectorAll("section.start__panel").Single(s => s.QuerySelector("h2")!.Text() == heading);

    [Fact]
    public async Task Home_page_starts_from_the_current_role_grouped_by_sector()
    {
        var (_, page) = await site.GetPageAsync("/");

        var panel = Panel(page, "I am a …");

        Assert.Equal(Content.StartingRolesBySector.Select(s => s.Sector), panel.QuerySelectorAll(".sector__name").Select(h => h.Text()));
        Assert.Equal(
            Content.StartingRolesBySector.SelectMany(s => s.Roles).Select(r => r.Url + "#moves-from"),
            panel.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Home_page_starts_from_the_target_role_grouped_by_sector()
    {
        var (_, page) = await site.GetPageAsync("/");

        var panel = Panel(page, "I want to become …");

        Assert.Equal(
            Content.TargetRolesBySector.SelectMany(s => s.Roles).Select(r => r.Url + "#moves-into"),
            panel.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains(panel.QuerySelectorAll("a"), a => a.Text() == "Product Manager");
        Assert.DoesNotContain(panel.QuerySelectorAll("a"), a => a.Text() == "Teacher"); // no guide leads into teaching
    }

    [Fact]
    public async Task A_role_page_is_the_hub_of_every_move_from_and_into_it_with_summaries()
    {
        var (_, page) = await site.GetPageAsync("/roles/backend-developer");

        var from = page.QuerySelectorAll("#moves-from .guide-card");
        var into = page.QuerySelectorAll("#moves-into .guide-card");

        Assert.Equal(Content.GuidesFrom("backend-developer").Select(g => g.Url), from.Select(c => c.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal(Content.GuidesInto("backend-developer").Select(g => g.Url), into.Select(c => c.QuerySelector("a")!.GetAttribute("href")));
        var card = into.Single(c => c.QuerySelector("a")!.Text() == "Data Scientist to Backend Developer");
        Assert.Equal(Content.FindGuide("data-scientist-to-backend-developer")!.Summary, card.QuerySelector(".guide-card__summary")!.Text());
        Assert.Equal("6–12 months · moderate · pay at entry 51% less", card.QuerySelector(".guide-card__meta")!.Text());
        Assert.Equal("1 move from this role", page.QuerySelectorAll(".chip")[1].Text());
    }

    [Fact]
    public async Task A_role_with_no_moves_out_says_so_and_points_to_browsing()
    {
        var (_, page) = await site.GetPageAsync("/roles/devops-engineer");

        Assert.Empty(page.QuerySelectorAll("#moves-from .guide-card"));
        Assert.Contains("no guides from this role yet", page.QuerySelector("#moves-from")!.Text(), StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#moves-from a"), a => a.GetAttribute("href") == "/search");
    }
}
