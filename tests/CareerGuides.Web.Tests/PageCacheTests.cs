using System.Net;
using System.Net.Http.Headers;

namespace CareerGuides.Web.Tests;

/// <summary>Pages come from the output cache, compressed, and a content change is never hidden by it.</summary>
public sealed class PageCacheTests
{
    private const string GuideUrl = "/guides/data-scientist-to-backend-developer";

    private static async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(TempSite temp, string path, string? acceptEncoding = null)
    {
        using var client = temp.Site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(acceptEncoding));
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_cached_page_is_replaced_as_soon_as_its_content_reloads()
    {
        await using var temp = TempSite.Start();
        var (_, before) = await GetAsync(temp, GuideUrl);
        var (_, again) = await GetAsync(temp, GuideUrl);
        Assert.Equal(before, again);

        temp.Write("guides/data-scientist-to-backend-developer.md", temp.Read("guides/data-scientist-to-backend-developer.md")
            .Replace("timeline_months: { min: 6, max: 12 }", "timeline_months: { min: 8, max: 12 }", StringComparison.Ordinal));
        temp.Store.Reload();
        var (_, after) = await GetAsync(temp, GuideUrl);

        Assert.Contains("8–12 months", System.Text.Encoding.UTF8.GetString(after));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_compressed_and_decompress_to_the_same_html(string encoding)
    {
        await using var temp = TempSite.Start();
        var (_, plain) = await GetAsync(temp, GuideUrl);

        for (var i = 0; i < 2; i++)
        {
            // The first answer is rendered, the second comes from the cache: both the same compressed bytes.
            var (response, compressed) = await GetAsync(temp, GuideUrl, encoding);
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.True(compressed.Length < plain.Length / 2, $"{compressed.Length} compressed bytes for {plain.Length}");
            Assert.Equal(plain, Compression.Decompress(compressed, encoding));
        }
    }

    [Fact]
    public async Task A_guide_page_with_its_stylesheet_is_under_30_kb_compressed()
    {
        await using var temp = TempSite.Start();
        var (_, page) = await GetAsync(temp, GuideUrl, "br");
        var html = System.Text.Encoding.UTF8.GetString(Compression.Decompress(page, "br"));
        var css = System.Text.RegularExpressions.Regex.Matches(html, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();

        Assert.NotEmpty(css);
        var total = page.Length;
        foreach (var href in css)
        {
            var (response, body) = await GetAsync(temp, href, "br");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            total += body.Length;
        }

        Assert.True(total <= 30 * 1024, $"guide page and CSS: {total} bytes compressed");
    }

    [Fact]
    public async Task Health_checks_are_never_cached()
    {
        await using var temp = TempSite.Start();
        using var client = temp.Site.CreateClient();
        Assert.Contains("Healthy", await client.GetStringAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken));

        temp.Write("guides/teacher-to-data-analyst.md", "broken");
        temp.Store.Reload();

        Assert.Contains("Degraded", await client.GetStringAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken));
    }

}
