using System.Net;

namespace CareerGuides.Web.Tests.Security;

/// <summary>
/// One client hammering the site gets 429 with Retry-After while others are served. The client is the connection's
/// address, or the X-Forwarded-For address only when the connection comes from a configured proxy. A window of a
/// minute, far longer than each test, keeps the counts exact without any timing.
/// </summary>
public sealed class RateLimitTests
{
    private static Dictionary<string, string> Limit(int permits, string? knownProxy = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Security:RateLimit:Enabled"] = "true",
            ["Security:RateLimit:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Security:RateLimit:WindowSeconds"] = "60",
        };
        if (knownProxy is not null)
        {
            settings["Security:ForwardedHeaders:KnownProxies:0"] = knownProxy;
        }

        return settings;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_retry_after()
    {
        await using var site = KestrelSite.Start(Limit(5));
        using var client = site.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            using var ok = await GetAsync(client, i % 2 == 0 ? "/" : "/css/site.css");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await GetAsync(client, "/roles/teacher");
        var body = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.True(refused.Headers.CacheControl?.NoStore);
        Assert.StartsWith("Too many requests", body);
        SecurityHeadersTests.AssertSecurityHeaders(refused);
    }

    [Fact]
    public async Task Spoofed_forwarded_addresses_from_an_unconfigured_sender_do_not_escape_the_limit()
    {
        await using var site = KestrelSite.Start(Limit(3));
        using var client = site.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await GetAsync(client, "/", $"203.0.113.{i}");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_one_client_is_limited_while_others_are_served()
    {
        await using var site = KestrelSite.Start(Limit(3, knownProxy: "127.0.0.1"));
        using var client = site.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var ok = await GetAsync(client, "/", "198.51.100.7");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var hammering = await GetAsync(client, "/", "198.51.100.7");
        using var other = await GetAsync(client, "/", "198.51.100.8");
        using var third = await GetAsync(client, "/roles", "2001:db8::1");

        Assert.Equal(HttpStatusCode.TooManyRequests, hammering.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task An_ipv6_client_is_limited_by_its_64_network()
    {
        await using var site = KestrelSite.Start(Limit(2, knownProxy: "127.0.0.1"));
        using var client = site.CreateClient();

        using var first = await GetAsync(client, "/", "2001:db8:0:1::1");
        using var second = await GetAsync(client, "/", "2001:db8:0:1::2");
        using var rotated = await GetAsync(client, "/", "2001:db8:0:1:ffff::3");
        using var otherNetwork = await GetAsync(client, "/", "2001:db8:0:2::1");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK],
            [first.StatusCode, second.StatusCode, rotated.StatusCode, otherNetwork.StatusCode]);
    }

    [Theory]
    [InlineData("203.0.113.5", "203.0.113.5")]
    [InlineData("::ffff:203.0.113.5", "203.0.113.5")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData(null, "unknown")]
    public void The_partition_key_is_the_address_or_its_ipv6_network(string? address, string key)
    {
        Assert.Equal(key, Infrastructure.SecurityExtensions.ClientKey(address is null ? null : IPAddress.Parse(address)));
    }

    [Fact]
    public async Task Refused_requests_count_against_the_limit_too()
    {
        await using var site = KestrelSite.Start(Limit(2));
        using var client = site.CreateClient();

        using var post = await client.PostAsync(new Uri("/", UriKind.Relative), new StringContent("x"), TestContext.Current.CancellationToken);
        using var delete = await client.DeleteAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var get = await GetAsync(client, "/");

        Assert.Equal([HttpStatusCode.MethodNotAllowed, HttpStatusCode.MethodNotAllowed, HttpStatusCode.TooManyRequests], [post.StatusCode, delete.StatusCode, get.StatusCode]);
    }

    [Fact]
    public async Task Health_probes_are_never_limited()
    {
        await using var site = KestrelSite.Start(Limit(1));
        using var client = site.CreateClient();
        using var first = await GetAsync(client, "/");
        using var limited = await GetAsync(client, "/");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);

        using var health = await GetAsync(client, "/healthz");
        using var ready = await GetAsync(client, "/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task The_limit_can_be_switched_off_for_benchmarks()
    {
        var settings = Limit(2);
        settings["Security:RateLimit:Enabled"] = "false";
        await using var site = KestrelSite.Start(settings);
        using var client = site.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            using var response = await GetAsync(client, "/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
