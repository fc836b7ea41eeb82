using Microsoft.Playwright;

namespace CareerGuides.Browser.Tests;

/// <summary>
/// The reader's journey, home → role → guide → search, clicked through in Chromium at phone and desktop widths in
/// light and dark mode. Each step is kept as a screenshot in artifacts/screenshots.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class JourneyTests(BrowserSite site)
{
    public static TheoryData<string, ColorScheme> Devices => new()
    {
        { "phone", ColorScheme.Light },
        { "phone", ColorScheme.Dark },
        { "desktop", ColorScheme.Light },
        { "desktop", ColorScheme.Dark },
    };

    [Theory]
    [MemberData(nameof(Devices))]
    public async Task Home_to_role_to_guide_to_search(string device, ColorScheme scheme)
    {
        await using var browser = await site.OpenAsync(Viewport.Named(device), scheme);
        var page = browser.Page;
        var shot = $"journey-{device}-{scheme.ToString().ToLowerInvariant()}";

        Assert.Equal(200, await browser.GotoAsync("/"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Career-change guides for the UK");
        await AssertFitsTheScreenAsync(page);
        await browser.ScreenshotAsync($"{shot}-1-home");

        // "I am a … Teacher" leads to the teacher's hub, at the moves from it.
        await page.GetByRole(AriaRole.Region, new() { Name = "I am a …" }).GetByRole(AriaRole.Link, new() { Name = "Teacher", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(site.Origin, "/roles/teacher#moves-from").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Teacher");
        await AssertFitsTheScreenAsync(page);
        await browser.ScreenshotAsync($"{shot}-2-role");

        await page.Locator("#moves-from").GetByRole(AriaRole.Link, new() { Name = "Teacher to Data Analyst" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Teacher to Data Analyst");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Chart of the salary bands" })).ToBeVisibleAsync();
        await AssertFitsTheScreenAsync(page);
        await browser.ScreenshotAsync($"{shot}-3-guide");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link, new() { Name = "Search" }).ClickAsync();
        await page.GetByLabel("Search guides and roles").FillAsync("analist");
        await page.GetByLabel("Search guides and roles").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(site.Origin, "/search?q=analist").ToString());
        await Assertions.Expect(page.Locator(".search-summary")).ToContainTextAsync("including results for “analyst”");
        await Assertions.Expect(page.Locator(".search-result__title a").First).ToHaveTextAsync("Data Analyst");
        await AssertFitsTheScreenAsync(page);
        await browser.ScreenshotAsync($"{shot}-4-search");
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public async Task The_other_page_types_render_and_fit(string device, ColorScheme scheme)
    {
        await using var browser = await site.OpenAsync(Viewport.Named(device), scheme);
        var shot = $"pages-{device}-{scheme.ToString().ToLowerInvariant()}";

        foreach (var (name, path, status) in new[]
        {
            ("roles", "/roles", 200),
            ("guide-reference", "/guides/data-scientist-to-backend-developer", 200),
            ("search-empty", "/search", 200),
            ("search-no-results", "/search?q=astronaut", 200),
            ("not-found", "/guides/no-such-guide", 404),
        })
        {
            Assert.Equal(status, await browser.GotoAsync(path));
            await AssertFitsTheScreenAsync(browser.Page);
            await browser.ScreenshotAsync($"{shot}-{name}");
        }
    }

    /// <summary>
    /// Nothing is wider than the screen: no sideways scrolling on a phone. Compared with the width the test set, since
    /// a mobile browser widens its viewport to fit content that overflows.
    /// </summary>
    private static async Task AssertFitsTheScreenAsync(IPage page)
    {
        var width = page.ViewportSize!.Width;
        var scrollWidth = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth}px wide on a {width}px screen");
    }
}
