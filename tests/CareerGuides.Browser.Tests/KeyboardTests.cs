using Microsoft.Playwright;

namespace CareerGuides.Browser.Tests;

/// <summary>Keyboard only: Tab reaches every control of each page with a visible focus indicator, and the whole journey works without a mouse.</summary>
[Collection(SharedBrowser.Name)]
public sealed class KeyboardTests(BrowserSite site)
{
    /// <summary>What the focused element is, and how its focus shows (settable: Playwright fills it in).</summary>
    private sealed class Focus
    {
        public string Key { get; set; } = "";

        public string Label { get; set; } = "";

        public string OutlineStyle { get; set; } = "";

        public double OutlineWidth { get; set; }
    }

    private const string FocusScript = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const s = getComputedStyle(el);
          const label = (el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || el.name || el.tagName).trim().replace(/\s+/g, ' ');
          return { key: el.getAttribute('data-kb') || '', label, outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0 };
        }
        """;

    [Theory]
    [InlineData("/")]
    [InlineData("/roles/data-scientist")]
    [InlineData("/guides/data-scientist-to-backend-developer")]
    [InlineData("/search?q=analist")]
    [InlineData("/guides/no-such-guide")]
    public async Task Tab_reaches_every_control_in_order_with_a_visible_focus_indicator(string path)
    {
        await using var browser = await site.OpenAsync(Viewport.Desktop);
        var page = browser.Page;
        await browser.GotoAsync(path);

        // Every control a keyboard user should reach, in document order, each marked so it can be recognised.
        var controls = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
              .filter(el => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
              .map((el, i) => { el.setAttribute('data-kb', String(i)); return String(i); })
            """);
        Assert.NotEmpty(controls);

        var reached = new List<string>();
        for (var i = 0; i <= controls.Length; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<Focus?>(FocusScript);
            if (focus is null)
            {
                break; // past the last control, focus leaves the page
            }

            Assert.True(focus.OutlineStyle != "none" && focus.OutlineWidth >= 2, $"'{focus.Label}' on {path} has no visible focus indicator ({focus.OutlineStyle} {focus.OutlineWidth}px)");
            reached.Add(focus.Key);
        }

        Assert.Equal(controls, reached);
    }

    [Fact]
    public async Task The_journey_home_role_guide_search_works_with_the_keyboard_alone()
    {
        await using var browser = await site.OpenAsync(Viewport.Phone);
        var page = browser.Page;
        await browser.GotoAsync("/");

        // The skip link comes first and moves focus to the content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", (await page.EvaluateAsync<Focus?>(FocusScript))!.Label);

        await TabToAsync(page, "Teacher", "#start-from-heading");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Teacher");

        await TabToAsync(page, "Teacher to Data Analyst", "#from-heading");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Teacher to Data Analyst");

        await TabToAsync(page, "I already have this (SQL)");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("[data-stat=to-build] strong")).ToHaveTextAsync("4");

        await TabToAsync(page, "Search", backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Search guides and roles");

        await TabToAsync(page, "Search guides and roles");
        await page.Keyboard.TypeAsync("teachers");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".search-summary")).ToContainTextAsync("for “teachers”");

        await TabToAsync(page, "Teacher");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(site.Origin, "/roles/teacher").ToString());
    }

    /// <summary>Presses Tab (or Shift+Tab) until the focused control has this label, optionally after a heading.</summary>
    private static async Task TabToAsync(IPage page, string label, string? after = null, bool backwards = false)
    {
        for (var i = 0; i < 200; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focus = await page.EvaluateAsync<Focus?>(FocusScript);
            var placed = after is null || await page.EvaluateAsync<bool>(
                "selector => { const h = document.querySelector(selector); return !!h && !!(h.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING); }",
                after);
            if (focus?.Label == label && placed)
            {
                Assert.True(focus.OutlineStyle != "none" && focus.OutlineWidth >= 2, $"'{label}' has no visible focus indicator");
                return;
            }
        }

        Assert.Fail($"Tab never reached '{label}' on {page.Url}");
    }
}
