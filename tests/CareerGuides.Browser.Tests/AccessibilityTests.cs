using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CareerGuides.Browser.Tests;

/// <summary>axe-core finds no WCAG 2.2 A/AA or best-practice violation on any page type, in light or dark mode.</summary>
[Collection(SharedBrowser.Name)]
public sealed class AccessibilityTests(BrowserSite site)
{
    private static readonly (string Name, string Path, int Status)[] PageTypes =
    [
        ("home", "/", 200),
        ("roles", "/roles", 200),
        ("role", "/roles/data-scientist", 200),
        ("guide", "/guides/data-scientist-to-backend-developer", 200),
        ("search-results", "/search?q=analist", 200),
        ("search-no-results", "/search?q=astronaut", 200),
        ("search-empty", "/search", 200),
        ("not-found", "/guides/no-such-guide", 404),
    ];

    public static TheoryData<string, ColorScheme> Pages()
    {
        var data = new TheoryData<string, ColorScheme>();
        foreach (var (name, _, _) in PageTypes)
        {
            data.Add(name, ColorScheme.Light);
            data.Add(name, ColorScheme.Dark);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_violations(string pageType, ColorScheme scheme)
    {
        var (_, path, status) = PageTypes.Single(p => p.Name == pageType);
        await using var browser = await site.OpenAsync(pageType == "guide" ? Viewport.Phone : Viewport.Desktop, scheme);
        Assert.Equal(status, await browser.GotoAsync(path));

        var result = await browser.Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });

        Assert.True(result.Passes.Length > 0, "axe ran no checks");
        Assert.True(
            result.Violations.Length == 0,
            $"{path} ({scheme}): " + string.Join(
                "\n",
                result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help}\n  " + string.Join("\n  ", v.Nodes.Select(n => $"{n.Target} {n.Html}: " + string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message)))))));
    }
}
