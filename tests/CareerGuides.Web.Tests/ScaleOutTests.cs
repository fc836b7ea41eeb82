using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace CareerGuides.Web.Tests;

/// <summary>
/// Scale-out: two instances of the site (two Kestrel servers on loopback) over the same content answer every URL
/// identically, validators included, so a load balancer or CDN may send any request to either.
/// </summary>
public sealed partial class ScaleOutTests
{
    [GeneratedRegex("<loc>https?://[^/<]+(/[^<]*)</loc>")]
    private static partial Regex SitemapPath();

    [GeneratedRegex("""(?:href|src)="(/[^"#]+\.css[^"#]*)""")]
    private static partial Regex Stylesheet();

    private static HttpClient Start(SiteFactory site)
    {
        site.UseKestrel(0);
        site.StartServer();
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.ClientOptions.BaseAddress };
    }

    [Fact]
    public async Task Two_instances_over_the_same_content_answer_every_url_identically_with_the_same_etags()
    {
        // Over real sockets the Host header is the loopback address, which host filtering must allow.
        var loopback = new Dictionary<string, string> { ["AllowedHosts"] = "127.0.0.1" };
        await using var first = new SiteFactory(null, "Production", loopback);
        await using var second = new SiteFactory(null, "Production", loopback);
        using var a = Start(first);
        using var b = Start(second);
        Assert.NotEqual(a.BaseAddress, b.BaseAddress);
        var cancellation = TestContext.Current.CancellationToken;

        var sitemap = await a.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative), cancellation);
        var home = await a.GetStringAsync(new Uri("/", UriKind.Relative), cancellation);
        var paths = SitemapPath().Matches(sitemap).Select(m => m.Groups[1].Value)
            .Concat(["/", "/roles", "/sitemap.xml", "/robots.txt", "/healthz", "/readyz", "/no-such-page", "/Roles", "/guides/"])
            .Append(Stylesheet().Match(home).Groups[1].Value)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        Assert.True(paths.Length > 20, $"only {paths.Length} URLs");

        foreach (var path in paths)
        {
            foreach (var encoding in new[] { null, "br" })
            {
                using var fromA = await GetAsync(a, path, encoding, null, cancellation);
                using var fromB = await GetAsync(b, path, encoding, null, cancellation);
                var what = $"{path} (Accept-Encoding: {encoding ?? "none"})";
                Assert.True(fromA.StatusCode == fromB.StatusCode, $"{what}: {fromA.StatusCode} vs {fromB.StatusCode}");
                var bodyA = await fromA.Content.ReadAsByteArrayAsync(cancellation);
                var bodyB = await fromB.Content.ReadAsByteArrayAsync(cancellation);
                Assert.True(bodyA.SequenceEqual(bodyB), $"{what}: the bodies differ ({bodyA.Length} and {bodyB.Length} bytes)");
                Assert.Equal(fromA.Headers.ETag, fromB.Headers.ETag);
                Assert.Equal(fromA.Content.Headers.LastModified, fromB.Content.Headers.LastModified);
                Assert.Equal(fromA.Headers.CacheControl?.ToString(), fromB.Headers.CacheControl?.ToString());
                Assert.Equal(fromA.Headers.Location, fromB.Headers.Location);
                Assert.Equal(fromA.Content.Headers.ContentEncoding, fromB.Content.Headers.ContentEncoding);

                // A cache that fetched from one instance revalidates against the other.
                if (fromA.Headers.ETag is { } etag && fromA.StatusCode == HttpStatusCode.OK && path.StartsWith('/') && !path.EndsWith(".css", StringComparison.Ordinal))
                {
                    using var revalidated = await GetAsync(b, path, encoding, etag, cancellation);
                    Assert.True(revalidated.StatusCode == HttpStatusCode.NotModified, $"{what}: If-None-Match {etag} on the other instance answered {revalidated.StatusCode}");
                }
            }
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? encoding, EntityTagHeaderValue? ifNoneMatch, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return await client.SendAsync(request, cancellation);
    }
}
