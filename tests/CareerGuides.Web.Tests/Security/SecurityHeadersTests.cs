using System.Net;
using CareerGuides.Web.Tests.Seo;

namespace CareerGuides.Web.Tests.Security;

/// <summary>
/// Every response carries the security headers, pages included, errors included; the policy allows no inline script
/// or style, and no page needs one.
/// </summary>
[Collection(SharedSite.Name)]
public sealed class SecurityHeadersTests(SiteFactory site)
{
    public static TheoryData<string, HttpStatusCode> Responses() => new()
    {
        { "/", HttpStatusCode.OK },
        { "/roles", HttpStatusCode.OK },
        { "/roles/teacher", HttpStatusCode.OK },
        { "/guides/teacher-to-data-analyst", HttpStatusCode.OK },
        { "/css/site.css", HttpStatusCode.OK },
        { "/sitemap.xml", HttpStatusCode.OK },
        { "/robots.txt", HttpStatusCode.OK },
        { "/healthz", HttpStatusCode.OK },
        { "/Roles/", HttpStatusCode.MovedPermanently },
        { "/no-such-page", HttpStatusCode.NotFound },
        { "/guides/..%2fx", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        using var response = await site.SendAsync(HttpMethod.Get, path);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_405_and_a_304_carry_them_too()
    {
        using var post = await site.SendAsync(HttpMethod.Post, "/");
        AssertSecurityHeaders(post);

        using var first = await site.SendAsync(HttpMethod.Get, "/roles/teacher");
        using var notModified = await site.SendAsync(HttpMethod.Get, "/roles/teacher", r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        AssertSecurityHeaders(notModified);
    }

    [Fact]
    public void The_content_security_policy_is_strict()
    {
        var policy = Infrastructure.SecurityOptions.DefaultContentSecurityPolicy;

        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("nonce-", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("style-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("base-uri 'none'", policy);
    }

    [Fact]
    public async Task No_page_has_an_inline_script_style_or_event_handler()
    {
        using var sitemap = await site.SendAsync(HttpMethod.Get, "/sitemap.xml");
        var paths = System.Xml.Linq.XDocument.Parse(await sitemap.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).AbsolutePath)
            .Append("/no-such-page").ToArray();
        Assert.True(paths.Length > 10);

        foreach (var path in paths)
        {
            var (_, page) = await site.GetPageAsync(path);

            Assert.All(page.QuerySelectorAll("script"), s =>
            {
                // Data blocks (JSON-LD) are never executed; any script to run must come from a file ('self').
                Assert.True(s.GetAttribute("type") == "application/ld+json" || (s.HasAttribute("src") && s.TextContent.Trim().Length == 0), $"{path}: {s.OuterHtml}");
            });
            Assert.Empty(page.QuerySelectorAll("style"));
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(page.QuerySelectorAll("[href], [src]"), e => (e.GetAttribute("href") ?? e.GetAttribute("src"))!.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Hsts_of_a_year_is_sent_over_https_outside_development()
    {
        using var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        using var page = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var error = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("max-age=31536000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal("max-age=31536000", Assert.Single(error.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Hsts_is_not_sent_over_plain_http()
    {
        using var response = await site.SendAsync(HttpMethod.Get, "/");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Hsts_is_not_sent_in_development()
    {
        await using var development = new SiteFactory(null, "Development");
        using var client = development.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? Assert.Single(values)
                : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} ({(int)response.StatusCode}) has no {name} header");

        Assert.Equal(Infrastructure.SecurityOptions.DefaultContentSecurityPolicy, Header("Content-Security-Policy"));
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Contains("camera=()", Header("Permissions-Policy"));
        Assert.Equal("same-origin", Header("Cross-Origin-Opener-Policy"));
        Assert.Equal("same-origin", Header("Cross-Origin-Resource-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }
}
