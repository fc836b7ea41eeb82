using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareerGuides.Web.Tests.Seo;

/// <summary>
/// Validators from the content (ETag, Last-Modified), 304 for conditional requests, HEAD like GET without a body,
/// public caching for pages and no-store for errors.
/// </summary>
[Collection(SharedSite.Name)]
public sealed class HttpSemanticsTests(SiteFactory site)
{
    private const string GuidePath = "/guides/data-scientist-to-backend-developer";

    public static TheoryData<string> Resources => new()
    {
        "/",
        "/roles",
        "/roles/data-scientist",
        GuidePath,
        "/sitemap.xml",
        "/robots.txt",
    };

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Published_pages_carry_a_weak_etag_and_public_cache_control(string path)
    {
        using var response = await site.SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.ETag!.IsWeak);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(300), response.Headers.CacheControl.MaxAge);
        Assert.False(response.Headers.CacheControl.NoStore);
    }

    [Fact]
    public async Task Last_modified_is_the_date_the_content_last_changed()
    {
        using var guide = await site.SendAsync(HttpMethod.Get, GuidePath);
        using var role = await site.SendAsync(HttpMethod.Get, "/roles/backend-developer");

        // The guide's `updated` date; the role's latest change (the same guide's update), as in the sitemap.
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), guide.Content.Headers.LastModified);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), role.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Every_pages_last_modified_matches_its_sitemap_lastmod()
    {
        using var sitemap = await site.SendAsync(HttpMethod.Get, "/sitemap.xml");
        var ns = XNamespace.Get("http://www.sitemaps.org/schemas/sitemap/0.9");
        var entries = XDocument.Parse(await sitemap.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .Descendants(ns + "url")
            .Select(u => (Path: new Uri(u.Element(ns + "loc")!.Value).AbsolutePath, LastMod: u.Element(ns + "lastmod")!.Value))
            .ToArray();

        Assert.Equal(24, entries.Length);
        foreach (var (path, lastmod) in entries)
        {
            using var response = await site.SendAsync(HttpMethod.Head, path);
            Assert.Equal(DateTimeOffset.Parse(lastmod + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), response.Content.Headers.LastModified);
        }
    }

    [Fact]
    public async Task Each_page_has_its_own_etag()
    {
        var tags = new List<string>();
        foreach (var path in new[] { "/", "/roles", "/roles/data-scientist", "/roles/teacher", GuidePath, "/sitemap.xml" })
        {
            using var response = await site.SendAsync(HttpMethod.Get, path);
            tags.Add(response.Headers.ETag!.Tag);
        }

        Assert.Equal(tags.Count, tags.Distinct().Count());
    }

    [Fact]
    public async Task The_etag_depends_on_the_content_not_on_when_the_site_started()
    {
        using var content = new SeoTestSupport.ContentCopy();
        await using var sameContent = new SiteFactory(content.Root, "Production");
        using var ours = await site.SendAsync(HttpMethod.Get, GuidePath);
        using var theirs = await sameContent.SendAsync(HttpMethod.Get, GuidePath);

        Assert.Equal(ours.Headers.ETag, theirs.Headers.ETag);

        content.Replace("roles/teacher.md", "title: Teacher", "title: School Teacher");
        await using var changedContent = new SiteFactory(content.Root, "Production");
        using var changed = await changedContent.SendAsync(HttpMethod.Get, GuidePath);

        Assert.NotEqual(ours.Headers.ETag, changed.Headers.ETag);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task A_matching_if_none_match_answers_304_without_a_body(string path)
    {
        using var first = await site.SendAsync(HttpMethod.Get, path);
        var etag = first.Headers.ETag!;

        using var second = await site.SendAsync(HttpMethod.Get, path, r => r.Headers.IfNoneMatch.Add(etag));

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Equal(first.Headers.CacheControl, second.Headers.CacheControl);
        Assert.Equal(first.Content.Headers.LastModified, second.Content.Headers.LastModified);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("W/\"other\", {0}")]
    [InlineData("{1}")]
    public async Task If_none_match_uses_weak_comparison_lists_and_the_wildcard(string header)
    {
        using var first = await site.SendAsync(HttpMethod.Get, GuidePath);
        var weak = first.Headers.ETag!.ToString();
        var strong = first.Headers.ETag!.Tag;

        using var second = await site.SendAsync(HttpMethod.Get, GuidePath, r => r.Headers.TryAddWithoutValidation("If-None-Match", string.Format(System.Globalization.CultureInfo.InvariantCulture, header, weak, strong)));

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task A_stale_etag_gets_the_full_page()
    {
        using var response = await site.SendAsync(HttpMethod.Get, GuidePath, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\"", isWeak: true)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("2026-11-20T00:00:00Z", HttpStatusCode.NotModified)]
    [InlineData("2026-11-23T08:00:00Z", HttpStatusCode.NotModified)]
    [InlineData("2026-11-19T23:59:59Z", HttpStatusCode.OK)]
    public async Task If_modified_since_answers_304_unless_the_content_changed_after_it(string since, HttpStatusCode expected)
    {
        using var response = await site.SendAsync(HttpMethod.Get, GuidePath, r => r.Headers.IfModifiedSince = DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task If_none_match_wins_over_if_modified_since()
    {
        using var response = await site.SendAsync(HttpMethod.Get, GuidePath, r =>
        {
            r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\"", isWeak: true));
            r.Headers.IfModifiedSince = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Head_answers_like_get_without_a_body(string path)
    {
        using var get = await site.SendAsync(HttpMethod.Get, path);
        using var head = await site.SendAsync(HttpMethod.Head, path);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Content.Headers.LastModified, head.Content.Headers.LastModified);
    }

    [Theory]
    [InlineData("/guides/astronaut-to-teacher")]
    [InlineData("/no-such-page")]
    [InlineData("/status/404")]
    [InlineData("/error")]
    public async Task Not_found_pages_are_no_store_without_validators(string path)
    {
        using var response = await site.SendAsync(HttpMethod.Get, path, r => r.Headers.TryAddWithoutValidation("If-None-Match", "*"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.False(response.Headers.CacheControl.Public);
        Assert.Null(response.Headers.ETag);
        Assert.Null(response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task A_redirect_to_the_canonical_path_may_be_cached_for_a_day()
    {
        using var response = await site.SendAsync(HttpMethod.Get, "/Roles/");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl.MaxAge);
    }

    [Fact]
    public async Task A_server_error_page_is_no_store()
    {
        await using var failing = new FailingSiteFactory();

        using var response = await failing.SendAsync(HttpMethod.Get, "/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Null(response.Headers.ETag);
        Assert.Contains("Something went wrong", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Last_modified_is_never_later_than_the_servers_clock()
    {
        var now = new DateTimeOffset(2026, 11, 10, 12, 34, 56, TimeSpan.Zero);
        await using var early = new ClockedSiteFactory(now);

        using var guide = await early.SendAsync(HttpMethod.Get, GuidePath);
        using var teacher = await early.SendAsync(HttpMethod.Get, "/guides/teacher-to-data-analyst");

        Assert.Equal(now, guide.Content.Headers.LastModified);
        Assert.Equal(new DateTimeOffset(2026, 10, 5, 0, 0, 0, TimeSpan.Zero), teacher.Content.Headers.LastModified);
    }

    /// <summary>The production site with one extra endpoint that fails, standing for any bug.</summary>
    private sealed class FailingSiteFactory : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, FailingEndpoint>());
        }

        private sealed class FailingEndpoint : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Map("/boom", (IApplicationBuilder b) => b.Run(_ => throw new InvalidOperationException("a bug")));
            };
        }
    }

    /// <summary>The site with its clock stopped at a given moment.</summary>
    private sealed class ClockedSiteFactory(DateTimeOffset now) : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedClock(now)));
        }

        private sealed class FixedClock(DateTimeOffset now) : TimeProvider
        {
            public override DateTimeOffset GetUtcNow() => now;
        }
    }
}
