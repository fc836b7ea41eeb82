using CareerGuides.Content.Model;
using Microsoft.Playwright;

namespace CareerGuides.Browser.Tests;

/// <summary>
/// The skills checklist: ticking skills already had updates the skills-to-build count and the timeline chips with
/// the server's estimates; ticks survive a reload through localStorage only (no cookie); without JavaScript the skills
/// are a plain list. And the copy-link button, which without JavaScript is a plain link.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ChecklistTests(BrowserSite site)
{
    private const string Slug = "data-scientist-to-backend-developer";
    private static readonly Guide Guide = BrowserSite.Content.FindGuide(Slug)!;

    private static ILocator Timeline(IPage page) => page.Locator("[data-stat=timeline] strong");

    private static ILocator ToBuild(IPage page) => page.Locator("[data-stat=to-build] strong");

    private static ILocator Box(IPage page, string skill) => page.GetByRole(AriaRole.Checkbox, new() { Name = $"I already have this ({skill})", Exact = true });

    [Fact]
    public async Task Ticking_skills_to_build_updates_the_count_and_the_timeline()
    {
        await using var browser = await site.OpenAsync(Viewport.Phone);
        var page = browser.Page;
        await browser.GotoAsync(Guide.Url);
        await Assertions.Expect(page.Locator("input[type=checkbox]")).ToHaveCountAsync(Guide.TransferableSkills.Length + Guide.SkillsToBuild.Length);
        await Assertions.Expect(Timeline(page)).ToHaveTextAsync("6–12 months");
        await Assertions.Expect(ToBuild(page)).ToHaveTextAsync("5");

        await Box(page, "Python or Node.js").CheckAsync();
        await Assertions.Expect(ToBuild(page)).ToHaveTextAsync("4");
        await Assertions.Expect(Timeline(page)).ToHaveTextAsync(SkillChecklist.MonthsText(Guide.Checklist.TimelineEstimates[1]));

        await Box(page, "NoSQL databases").CheckAsync();
        await Assertions.Expect(ToBuild(page)).ToHaveTextAsync("3");
        await Assertions.Expect(Timeline(page)).ToHaveTextAsync("4–8 months");
        await Assertions.Expect(page.Locator("[data-stat=timeline] .chip__label")).ToHaveTextAsync("estimated for you");
        await Assertions.Expect(page.Locator("[data-checklist-status]")).ToContainTextAsync("You have ticked 2 of 5 skills to build");
        await browser.ScreenshotAsync("checklist-phone-ticked");

        // Transferable skills are already in the guide's range: ticking one changes no figure.
        await Box(page, "Analytical thinking").CheckAsync();
        await Assertions.Expect(page.Locator("[data-checklist-status]")).ToContainTextAsync("1 of 3 transferable skills");
        await Assertions.Expect(Timeline(page)).ToHaveTextAsync("4–8 months");
        await Assertions.Expect(ToBuild(page)).ToHaveTextAsync("3");

        // Every skill to build ticked: the job-hunt floor.
        foreach (var skill in Guide.SkillsToBuild)
        {
            await Box(page, skill.Skill).CheckAsync();
        }

        await Assertions.Expect(ToBuild(page)).ToHaveTextAsync("0");
        await Assertions.Expect(Timeline(page)).ToHaveTextAsync("2–3 months");
    }

    [Fact]
    public async Task Ticks_are_remembered_across_a_reload_in_local_storage_and_never_in_a_cookie()
    {
        await using var browser = await site.OpenAsync(Viewport.Desktop);
        var page = browser.Page;
        await browser.GotoAsync(Guide.Url);

        await Box(page, "SQL database design and optimisation").CheckAsync();
        await Box(page, "Structured communication").CheckAsync();
        await Assertions.Expect(ToBuild(page)).ToHaveTextAsync("4");

        var requestCookies = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Headers.TryGetValue("cookie", out var cookie))
            {
                requestCookies.Add(cookie);
            }
        };
        await page.ReloadAsync();

        await Assertions.Expect(Box(page, "SQL database design and optimisation")).ToBeCheckedAsync();
        await Assertions.Expect(Box(page, "Structured communication")).ToBeCheckedAsync();
        await Assertions.Expect(Box(page, "Python or Node.js")).Not.ToBeCheckedAsync();
        await Assertions.Expect(ToBuild(page)).ToHaveTextAsync("4");
        await Assertions.Expect(Timeline(page)).ToHaveTextAsync(SkillChecklist.MonthsText(Guide.Checklist.TimelineEstimates[1]));
        var stored = await page.EvaluateAsync<string>($"() => localStorage.getItem('careerguides:skills:{Slug}')");
        Assert.Equal("[\"t-structured-communication\",\"b-sql-database-design-and-optimisation\"]", stored);
        Assert.Empty(await browser.Context.CookiesAsync());
        Assert.Empty(requestCookies);

        // Another guide keeps its own ticks.
        await browser.GotoAsync("/guides/teacher-to-data-analyst");
        await Assertions.Expect(page.Locator("input[type=checkbox]:checked")).ToHaveCountAsync(0);

        // Clearing forgets them.
        await browser.GotoAsync(Guide.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear my ticks" }).ClickAsync();
        await Assertions.Expect(ToBuild(page)).ToHaveTextAsync("5");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("input[type=checkbox]:checked")).ToHaveCountAsync(0);
        Assert.Null(await page.EvaluateAsync<string?>($"() => localStorage.getItem('careerguides:skills:{Slug}')"));
    }

    [Fact]
    public async Task Without_javascript_the_skills_are_a_plain_list_and_the_link_a_plain_link()
    {
        await using var browser = await site.OpenAsync(Viewport.Phone, javaScript: false);
        var page = browser.Page;
        await browser.GotoAsync(Guide.Url);

        await Assertions.Expect(page.Locator("input[type=checkbox]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#skills-to-build h3")).ToHaveTextAsync([.. Guide.SkillsToBuild.Select(s => s.Skill)]);
        await Assertions.Expect(page.Locator("[data-checklist-summary]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-checklist-hint]").First).ToBeHiddenAsync();
        await Assertions.Expect(Timeline(page)).ToHaveTextAsync("6–12 months");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy link" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Link to this guide" }))
            .ToHaveAttributeAsync("href", BrowserSite.BaseUrl + Guide.Url);
        await browser.ScreenshotAsync("guide-phone-no-javascript");
    }

    [Fact]
    public async Task Copy_link_puts_the_guides_address_on_the_clipboard()
    {
        await using var browser = await site.OpenAsync(Viewport.Desktop);
        await browser.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = browser.Page;
        await browser.GotoAsync(Guide.Url);

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();

        await Assertions.Expect(page.Locator(".share__status")).ToHaveTextAsync("Link copied");
        Assert.Equal(BrowserSite.BaseUrl + Guide.Url, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }
}
