using Microsoft.Playwright;

namespace CareerGuides.Browser.Tests;

/// <summary>A guide prints as a clean plan: navigation and controls hidden, link addresses shown, black on white.</summary>
[Collection(SharedBrowser.Name)]
public sealed class PrintTests(BrowserSite site)
{
    private const string Path = "/guides/data-scientist-to-backend-developer";

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task A_guide_prints_without_navigation_with_link_addresses_in_black_on_white(ColorScheme scheme)
    {
        await using var browser = await site.OpenAsync(Viewport.Desktop, scheme);
        var page = browser.Page;
        await browser.GotoAsync(Path);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "I already have this (NoSQL databases)" }).CheckAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var hidden in new[] { ".site-header", ".site-footer", ".breadcrumbs", ".contents", ".related", "[data-checklist-clear]", ".share__button" })
        {
            Assert.Equal("none", await page.EvalOnSelectorAsync<string>(hidden, "el => getComputedStyle(el).display"));
        }

        Assert.Contains(BrowserSite.BaseUrl + Path, await AfterAsync(page, ".share__link"));
        Assert.Contains("https://", await AfterAsync(page, "#practise a"));
        Assert.Equal("rgb(0, 0, 0)", await page.EvalOnSelectorAsync<string>("body", "el => getComputedStyle(el).color"));
        Assert.Equal("rgb(255, 255, 255)", await page.EvalOnSelectorAsync<string>("body", "el => getComputedStyle(el).backgroundColor"));
        await Assertions.Expect(page.Locator("[data-stat=to-build] strong")).ToHaveTextAsync("4");

        var name = $"guide-print-{scheme.ToString().ToLowerInvariant()}";
        await browser.ScreenshotAsync(name);
        var pdf = await page.PdfAsync(new() { Path = System.IO.Path.Combine(BrowserSite.ArtifactsPath, name + ".pdf"), Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000, $"the PDF has {pdf.Length} bytes");
    }

    private static Task<string> AfterAsync(IPage page, string selector) =>
        page.EvalOnSelectorAsync<string>(selector, "el => getComputedStyle(el, '::after').content");
}
