using System.Net;
using CareerGuides.Web.Tests.Seo;

namespace CareerGuides.Web.Tests.Security;

/// <summary>
/// Odd and hostile requests through the whole pipeline: each gets the status that says what was wrong (400, 404,
/// 405), never a 500, never a file's contents, never a stack trace.
/// </summary>
[Collection(SharedSite.Name)]
public sealed class HostileRequestTests(SiteFactory site)
{
    /// <summary>Text from files that must never be served: appsettings.json, .git/config, a content file, the project file.</summary>
    private static readonly string[] Secrets = ["\"Serilog\"", "[core]", "title: Teacher", "salary_source:", "<Project Sdk", "InterviewPracticeUrlTemplate"];

    [Theory]
    [InlineData("/appsettings.json", HttpStatusCode.NotFound)]
    [InlineData("/appsettings.Development.json", HttpStatusCode.NotFound)]
    [InlineData("/CareerGuides.Web.dll", HttpStatusCode.NotFound)]
    [InlineData("/CareerGuides.Web.csproj", HttpStatusCode.NotFound)]
    [InlineData("/bin/Debug/net10.0/CareerGuides.Web.dll", HttpStatusCode.NotFound)]
    [InlineData("/.git/config", HttpStatusCode.NotFound)]
    [InlineData("/.env", HttpStatusCode.NotFound)]
    [InlineData("/web.config", HttpStatusCode.NotFound)]
    [InlineData("/Pages/Index.cshtml", HttpStatusCode.NotFound)]
    [InlineData("/content/roles/teacher.md", HttpStatusCode.NotFound)]
    [InlineData("/roles/teacher.md", HttpStatusCode.NotFound)]
    [InlineData("/../content/roles/teacher.md", HttpStatusCode.NotFound)]
    [InlineData("/css/../../content/roles/teacher.md", HttpStatusCode.NotFound)]
    [InlineData("/%2e%2e/content/roles/teacher.md", HttpStatusCode.NotFound)]
    [InlineData("/%2e%2e%2fcontent%2froles%2fteacher.md", HttpStatusCode.BadRequest)]
    [InlineData("/guides/..%2f..%2fappsettings.json", HttpStatusCode.BadRequest)]
    [InlineData("/guides/..%5c..%5cappsettings.json", HttpStatusCode.BadRequest)]
    [InlineData("/roles/%01teacher", HttpStatusCode.BadRequest)]
    [InlineData("/roles/te%C0%AEacher", HttpStatusCode.NotFound)]         // overlong UTF-8 '.'
    [InlineData("/roles/%EF%BC%8E%EF%BC%8E/appsettings.json", HttpStatusCode.NotFound)] // full-width '..'
    [InlineData("/roles/teacher%E2%80%8B", HttpStatusCode.NotFound)]      // zero-width space
    [InlineData("/roles/te%D0%B0cher", HttpStatusCode.NotFound)]          // Cyrillic 'а' look-alike
    [InlineData("/roles/%F0%9F%98%80", HttpStatusCode.NotFound)]
    [InlineData("/roles/%ZZ", HttpStatusCode.NotFound)]
    [InlineData("/_content/problems", HttpStatusCode.NotFound)]           // development only
    [InlineData("/guides/%20", HttpStatusCode.NotFound)]                  // found by the request fuzzer: a slug of spaces binds as null (was 500)
    [InlineData("/roles/%20%20/", HttpStatusCode.NotFound)]
    [InlineData("/healthz/%2e%2e/guides/%20/", HttpStatusCode.NotFound)]
    [InlineData("/status/500", HttpStatusCode.NotFound)]                  // an address cannot make the site report a 500
    [InlineData("/status/503", HttpStatusCode.NotFound)]
    [InlineData("/error", HttpStatusCode.NotFound)]
    public async Task Hostile_paths_get_a_clear_status_and_never_a_file(string path, HttpStatusCode expected)
    {
        using var response = await site.SendAsync(HttpMethod.Get, path);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        AssertNothingLeaks(body);
        Assert.True(response.Headers.CacheControl?.NoStore, "error responses are no-store");
    }

    [Fact]
    public async Task An_overlong_segment_is_404_not_a_failure()
    {
        using var response = await site.SendAsync(HttpMethod.Get, "/roles/" + new string('a', 4_000));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    [InlineData("TRACE")]
    [InlineData("PROPFIND")]
    [InlineData("FOO")]
    public async Task Methods_other_than_get_and_head_are_405_with_allow(string method)
    {
        foreach (var path in new[] { "/", "/roles/teacher", "/css/site.css", "/sitemap.xml", "/no-such-page" })
        {
            using var response = await site.SendAsync(new HttpMethod(method), path, r => r.Content = new StringContent("a=1"));
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
            AssertNothingLeaks(body);
        }
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("careerguides.test.attacker.example")]
    [InlineData("localhost.attacker.example")]
    [InlineData("127.0.0.1")]
    public async Task A_host_not_configured_is_400(string host)
    {
        using var response = await site.SendAsync(HttpMethod.Get, "/", r => r.Headers.Host = host);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(host, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unconfigured_sender_change_nothing()
    {
        using var response = await site.SendAsync(HttpMethod.Get, "/roles/teacher", r =>
        {
            r.Headers.Add("X-Forwarded-For", "203.0.113.9");
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-Host", "attacker.example");
        });
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "the scheme was not taken from X-Forwarded-Proto");
        Assert.DoesNotContain("attacker.example", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_strings_of_any_shape_do_not_break_a_page()
    {
        foreach (var query in new[] { "?a=%00", "?%", "?a[]=1&a[]=2", "?" + new string('x', 3_000), "?q=<script>alert(1)</script>", "?a=%E2%80%AE" })
        {
            using var response = await site.SendAsync(HttpMethod.Get, "/roles/teacher" + query);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{query}: {response.StatusCode}");
            Assert.DoesNotContain("<script>alert(1)", body, StringComparison.Ordinal);
        }
    }

    private static void AssertNothingLeaks(string body)
    {
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
