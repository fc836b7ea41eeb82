using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace CareerGuides.Web.Tests;

/// <summary>
/// Every page type works under a strict Content-Security-Policy without 'unsafe-inline': no style attributes, no style
/// blocks, no inline scripts (only JSON-LD data blocks), no inline event handlers; CSS and JavaScript come from the
/// site's own origin under fingerprinted URLs. And a page is the same HTML every time for the same content.
/// </summary>
[Collection(SharedSite.Name)]
public sealed partial class ContentSecurityReadinessTests(SiteFactory site)
{
    public static TheoryData<string> Pages => new()
    {
        "/",
        "/roles",
        "/roles/data-scientist",
        "/guides/data-scientist-to-backend-developer",
        "/search",
        "/search?q=analist",
        "/search?q=astronaut",
        "/guides/no-such-guide",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_inline_styles_scripts_or_event_handlers(string path)
    {
        var (_, page) = await site.GetPageAsync(path);

        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.All(page.QuerySelectorAll("script:not([src])"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Css_and_javascript_are_local_and_fingerprinted(string path)
    {
        var (_, page) = await site.GetPageAsync(path);

        var urls = page.QuerySelectorAll("link[rel=stylesheet], link[rel=icon]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!))
            .ToArray();

        Assert.Contains(urls, u => u.StartsWith("/css/site.", StringComparison.Ordinal));
        Assert.All(urls, u => Assert.Matches(Fingerprinted(), u));
    }

    [Theory]
    [InlineData("/guides/data-scientist-to-backend-developer", "text/css", "/css/site.")]
    [InlineData("/guides/data-scientist-to-backend-developer", "text/javascript", "/js/guide.")]
    public async Task Assets_are_served_with_their_content_to_a_browser_that_accepts_compression(string pagePath, string contentType, string prefix)
    {
        var (_, page) = await site.GetPageAsync(pagePath);
        var url = page.QuerySelectorAll("link[href], script[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).Single(u => u.StartsWith(prefix, StringComparison.Ordinal));
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.Length > 1000, $"{url} answered {body.Length} bytes");
    }

    [Theory]
    [InlineData("/guides/data-scientist-to-backend-developer")]
    [InlineData("/search?q=teachers")]
    [InlineData("/")]
    public async Task The_same_content_gives_the_same_html(string path)
    {
        using var client = site.CreateClient();
        var first = await client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var second = await client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
    }

    /// <summary>"/css/site.uag7amtx5h.css": name, a fingerprint, extension.</summary>
    [GeneratedRegex(@"^/[a-z/]+\.[a-z0-9]{8,}\.(css|js|svg)$")]
    private static partial Regex Fingerprinted();
}
