using System.Net;
using System.Net.Http.Headers;
using CareerGuides.Web.Infrastructure;
using CareerGuides.Web.Tests.Security;
using CareerGuides.Web.Tests.Seo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareerGuides.Web.Tests;

/// <summary>
/// Published pages answered ahead of the pipeline (PageFastPath) answer exactly what the pipeline answers: the same
/// bytes and headers, security headers included, and every request the pipeline answers differently still reaches it.
/// Each test has its own site, so the fast path's counters are its own.
/// </summary>
public sealed class PageFastPathTests
{
    private const string GuidePath = "/guides/data-scientist-to-backend-developer";

    /// <summary>Headers that differ between two answers by design: the time, the cache's age, and how the length is sent.</summary>
    private static readonly string[] PerResponse = ["Date", "Age", "Transfer-Encoding", "Content-Length"];

    private static async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(SiteFactory site, string path, string? acceptEncoding = null, Action<HttpRequestMessage>? configure = null)
    {
        var response = await site.SendAsync(HttpMethod.Get, path, request =>
        {
            if (acceptEncoding is not null)
            {
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(acceptEncoding));
            }

            configure?.Invoke(request);
        });
        return (response, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    private static PageFastPath FastPath(SiteFactory site) => site.Services.GetRequiredService<PageFastPath>();

    private static SortedDictionary<string, string> Headers(HttpResponseMessage response) => new(
        response.Headers.Concat(response.Content.Headers)
            .Where(h => !PerResponse.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase),
        StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData(null)]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_repeated_get_is_answered_by_the_fast_path_with_the_rendered_bytes_and_headers(string? encoding)
    {
        await using var site = new SiteFactory();

        var (rendered, renderedBody) = await GetAsync(site, GuidePath, encoding);
        Assert.Equal(0, FastPath(site).Hits);
        var (fast, fastBody) = await GetAsync(site, GuidePath, encoding);

        Assert.Equal(1, FastPath(site).Hits);
        Assert.Equal(HttpStatusCode.OK, fast.StatusCode);
        Assert.Equal(renderedBody, fastBody);
        Assert.Equal(Headers(rendered), Headers(fast));
        Assert.Equal(fastBody.Length, fast.Content.Headers.ContentLength);
        SecurityHeadersTests.AssertSecurityHeaders(fast);
        Assert.Equal(encoding, fast.Content.Headers.ContentEncoding.SingleOrDefault());
    }

    [Fact]
    public async Task Compressed_answers_from_the_fast_path_decompress_to_its_uncompressed_answer()
    {
        await using var site = new SiteFactory();
        foreach (var encoding in new string?[] { null, "gzip", "br" })
        {
            await GetAsync(site, GuidePath, encoding);
        }

        var (_, plain) = await GetAsync(site, GuidePath);
        var (gzip, gzipped) = await GetAsync(site, GuidePath, "gzip");
        var (br, brotli) = await GetAsync(site, GuidePath, "br");

        Assert.Equal(3, FastPath(site).Hits);
        Assert.Equal(plain, Compression.Decompress(gzipped, "gzip"));
        Assert.Equal(plain, Compression.Decompress(brotli, "br"));
        Assert.Contains("Accept-Encoding", gzip.Headers.Vary);
        Assert.Contains("Accept-Encoding", br.Headers.Vary);
    }

    [Fact]
    public async Task A_reloaded_page_is_served_at_once_not_its_stored_copy()
    {
        await using var temp = TempSite.Start();
        await GetAsync(temp.Site, GuidePath);
        await GetAsync(temp.Site, GuidePath);
        Assert.Equal(1, FastPath(temp.Site).Hits);

        temp.Write("guides/data-scientist-to-backend-developer.md", temp.Read("guides/data-scientist-to-backend-developer.md")
            .Replace("timeline_months: { min: 6, max: 12 }", "timeline_months: { min: 8, max: 12 }", StringComparison.Ordinal));
        temp.Store.Reload();
        var (_, after) = await GetAsync(temp.Site, GuidePath);

        Assert.Equal(1, FastPath(temp.Site).Hits);
        Assert.Contains("8–12 months", System.Text.Encoding.UTF8.GetString(after));
        Assert.Equal(1, FastPath(temp.Site).Count);
    }

    [Fact]
    public async Task Conditional_head_query_and_variant_requests_still_take_the_pipeline()
    {
        await using var site = new SiteFactory();
        var (first, page) = await GetAsync(site, GuidePath);
        await GetAsync(site, GuidePath);
        Assert.Equal(1, FastPath(site).Hits);

        using var notModified = await site.SendAsync(HttpMethod.Get, GuidePath, r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        using var notModifiedSince = await site.SendAsync(HttpMethod.Get, GuidePath, r => r.Headers.IfModifiedSince = first.Content.Headers.LastModified);
        using var head = await site.SendAsync(HttpMethod.Head, GuidePath);
        var (query, queryBody) = await GetAsync(site, GuidePath + "?utm_source=x");
        using var upper = await site.SendAsync(HttpMethod.Get, "/Guides/Data-Scientist-To-Backend-Developer");
        using var slash = await site.SendAsync(HttpMethod.Get, GuidePath + "/");

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal(page, queryBody);
        Assert.Equal(HttpStatusCode.MovedPermanently, upper.StatusCode);
        Assert.Equal(GuidePath, upper.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, slash.StatusCode);
        Assert.Equal(1, FastPath(site).Hits);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/guides/astronaut-to-teacher")]
    [InlineData("/healthz")]
    [InlineData("/search?q=data")]
    public async Task Only_published_pages_and_files_are_kept(string path)
    {
        await using var site = new SiteFactory();
        var (first, _) = await GetAsync(site, path);
        var (second, _) = await GetAsync(site, path);

        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(0, FastPath(site).Count);
        Assert.Equal(0, FastPath(site).Hits);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/roles/teacher")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    public async Task Every_published_page_and_file_type_is_kept(string path)
    {
        await using var site = new SiteFactory();
        var (rendered, renderedBody) = await GetAsync(site, path);
        var (fast, fastBody) = await GetAsync(site, path);

        Assert.Equal(1, FastPath(site).Hits);
        Assert.Equal(renderedBody, fastBody);
        Assert.Equal(Headers(rendered), Headers(fast));
    }

    [Fact]
    public async Task A_host_not_configured_is_400_even_for_a_kept_page()
    {
        await using var site = new SiteFactory();
        await GetAsync(site, GuidePath);

        using var response = await site.SendAsync(HttpMethod.Get, GuidePath, r => r.Headers.Host = "attacker.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, FastPath(site).Hits);
    }

    [Fact]
    public async Task Kept_pages_count_against_the_rate_limit()
    {
        await using var site = KestrelSite.Start(new Dictionary<string, string>
        {
            ["Security:RateLimit:Enabled"] = "true",
            ["Security:RateLimit:PermitLimit"] = "3",
            ["Security:RateLimit:WindowSeconds"] = "60",
        });
        using var client = site.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync(new Uri(GuidePath, UriKind.Relative), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                SecurityHeadersTests.AssertSecurityHeaders(response);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, FastPath(site).Hits);
    }

    [Fact]
    public async Task Over_a_real_socket_a_kept_page_is_the_same_bytes_with_a_content_length()
    {
        await using var site = KestrelSite.Start();
        // HTTP/1.0, so the rendered page is sent as it is rather than in chunks.
        var rendered = await site.SendRawAsync($"GET {GuidePath} HTTP/1.0\r\nHost: 127.0.0.1");
        var fast = await site.SendRawAsync($"GET {GuidePath} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close");

        Assert.Equal(1, FastPath(site).Hits);
        Assert.Equal(200, fast.Status);
        Assert.Equal(rendered.Body.Length, fast.Body.Length);
        Assert.Equal(rendered.Body, fast.Body);
        Assert.Contains($"Content-Length: {System.Text.Encoding.UTF8.GetByteCount(fast.Body)}", fast.Headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Security-Policy:", fast.Headers, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_no_budget_nothing_is_kept_and_pages_are_still_served()
    {
        await using var site = new SiteFactory(null, "Production", new Dictionary<string, string> { [PerformanceExtensions.FastPathBudgetSetting] = "0" });
        var (_, first) = await GetAsync(site, GuidePath);
        var (second, again) = await GetAsync(site, GuidePath);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first, again);
        Assert.Equal(0, FastPath(site).Count);
        Assert.Equal(0, FastPath(site).Hits);
    }

    [Fact]
    public async Task A_kept_page_expires_like_the_output_caches_copy()
    {
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        await using var site = new ClockedSite(clock);
        await GetAsync(site, GuidePath);
        await GetAsync(site, GuidePath);
        Assert.Equal(1, FastPath(site).Hits);

        clock.Now += PageFastPath.Lifetime;
        var (expired, _) = await GetAsync(site, GuidePath);

        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        Assert.Equal(1, FastPath(site).Hits);

        // The fresh answer is kept in its place.
        await GetAsync(site, GuidePath);
        Assert.Equal(2, FastPath(site).Hits);
    }


    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class ClockedSite(TimeProvider clock) : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
