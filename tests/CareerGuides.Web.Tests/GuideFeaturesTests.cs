using AngleSharp.Dom;
using CareerGuides.Content.Model;

namespace CareerGuides.Web.Tests;

/// <summary>What the guide page adds to the reference layout: the salary chart, the checklist's data, the copy link and related guides.</summary>
[Collection(SharedSite.Name)]
public sealed class GuideFeaturesTests(SiteFactory site)
{
    private const string Path = "/guides/data-scientist-to-backend-developer";
    private static readonly Guide Guide = Seo.SeoTestSupport.Content.FindGuide("data-scientist-to-backend-developer")!;

    private async Task<IDocument> PageAsync() => (await site.GetPageAsync(Path)).Document;

    [Fact]
    public async Task The_salary_chart_draws_six_bands_on_one_axis_from_the_snapshots_geometry()
    {
        var page = await PageAsync();
        var chart = Guide.Salary.Chart;

        var svg = page.QuerySelector("#salary figure svg[role=img]")!;
        var bars = svg.QuerySelectorAll("g[data-band] > rect.salary-chart__bar:not(.salary-chart__bar--tail)");

        Assert.Equal(chart.Description, svg.GetAttribute("aria-label"));
        Assert.Equal(chart.Height.ToString(System.Globalization.CultureInfo.InvariantCulture), svg.GetAttribute("height"));
        Assert.Equal(6, bars.Length);
        Assert.Equal(chart.Groups.SelectMany(g => g.Bars).Select(b => (b.X, b.Width)), bars.Select(r => (r.GetAttribute("x")!, r.GetAttribute("width")!)));
        Assert.Equal(["£0", "£25k", "£50k", "£75k", "£100k", "£125k", "£150k", "£175k"], svg.QuerySelectorAll(".salary-chart__tick").Select(t => t.Text()));
        Assert.Equal(["Entry", "Mid-career", "Senior"], svg.QuerySelectorAll(".salary-chart__level").Select(t => t.Text()));
        Assert.Equal(2, svg.QuerySelectorAll(".salary-chart__bar--tail").Length); // both senior bands are open-ended
    }

    [Fact]
    public async Task The_chart_marks_the_typical_move_from_old_mid_career_to_new_entry()
    {
        var page = await PageAsync();

        var svg = page.QuerySelector("#salary svg")!;
        var marked = svg.QuerySelectorAll("circle[data-move]").Select(c => (c.ParentElement!.ParentElement!.GetAttribute("data-level"), c.GetAttribute("data-move"))).ToArray();

        Assert.Equal([("Entry", "to"), ("Mid-career", "from")], marked);
        var arrow = svg.QuerySelector("line.salary-chart__move")!;
        Assert.Equal("37.14%", arrow.GetAttribute("x1")); // the middle of £50,000–£80,000 on a £175,000 axis
        Assert.Equal("18.29%", arrow.GetAttribute("x2")); // the middle of £26,000–£38,000
        Assert.Contains(svg.QuerySelectorAll(".salary-chart__move-label"), t => t.Text() == "£65,000 → £32,000 (−51%)");
        // The table stays as the chart's text alternative.
        Assert.Equal(3, page.QuerySelectorAll("#salary table tbody tr").Length);
    }

    [Fact]
    public async Task Every_skill_is_a_checklist_item_with_a_stable_id_and_the_chips_carry_the_estimates()
    {
        var page = await PageAsync();

        Assert.Equal(Guide.Checklist.TransferableIds, page.QuerySelectorAll("#transferable-skills [data-skill]").Select(e => e.GetAttribute("data-skill")!));
        Assert.Equal(Guide.Checklist.ToBuildIds, page.QuerySelectorAll("#skills-to-build [data-skill]").Select(e => e.GetAttribute("data-skill")!));
        Assert.Equal("6–12 months|5–10 months|4–8 months|4–7 months|3–5 months|2–3 months", page.QuerySelector("[data-stat=timeline]")!.GetAttribute("data-estimates"));
        Assert.Equal("5", page.QuerySelector("[data-stat=to-build]")!.GetAttribute("data-total"));
        Assert.Equal(Guide.Slug, page.QuerySelector("article[data-guide]")!.GetAttribute("data-guide"));
    }

    [Fact]
    public async Task Without_javascript_the_checklist_is_a_plain_list_and_its_controls_are_hidden()
    {
        var page = await PageAsync();

        Assert.Empty(page.QuerySelectorAll("input[type=checkbox]"));
        Assert.All(page.QuerySelectorAll("[data-checklist-hint], [data-checklist-summary]"), e => Assert.True(e.HasAttribute("hidden")));
        var rule = page.QuerySelector(".checklist-summary__rule p")!.Text();
        Assert.Contains("We count the last 2–3 months as the job hunt", rule, StringComparison.Ordinal);
        Assert.Equal("/js/", page.QuerySelector("script[src*='/js/guide']")!.GetAttribute("src")![..4]);
        Assert.True(page.QuerySelector("script[src*='/js/guide']")!.HasAttribute("defer"));
    }

    [Fact]
    public async Task The_copy_link_is_a_plain_link_to_the_canonical_url()
    {
        var page = await PageAsync();

        var link = page.QuerySelector("a[data-copy-link]")!;

        Assert.Equal(SiteFactory.BaseUrl + Path, link.GetAttribute("href"));
        Assert.Equal("Link to this guide", link.Text());
    }

    [Fact]
    public async Task Related_guides_are_other_moves_from_the_old_role_and_other_routes_into_the_new_one()
    {
        var page = await PageAsync();

        var from = page.QuerySelectorAll("#related section[aria-labelledby=related-from-heading] a").Select(a => a.GetAttribute("href"));
        var into = page.QuerySelectorAll("#related section[aria-labelledby=related-into-heading] a").Select(a => a.GetAttribute("href"));

        Assert.Equal(["/guides/data-scientist-to-product-manager"], from);
        Assert.Equal(["/guides/data-analyst-to-backend-developer", "/guides/frontend-developer-to-backend-developer"], into);
        Assert.Equal("Other moves from Data Scientist", page.QuerySelector("#related-from-heading")!.Text());
        Assert.Contains(page.QuerySelectorAll(".contents a"), a => a.GetAttribute("href") == "#related");
    }

    [Fact]
    public async Task A_guide_with_no_neighbours_has_no_related_section()
    {
        var (_, page) = await site.GetPageAsync("/guides/backend-developer-to-devops-engineer");

        Assert.Null(page.QuerySelector("#related"));
        Assert.DoesNotContain(page.QuerySelectorAll(".contents a"), a => a.GetAttribute("href") == "#related");
    }
}
