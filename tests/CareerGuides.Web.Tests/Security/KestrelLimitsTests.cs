namespace CareerGuides.Web.Tests.Security;

/// <summary>
/// What reaches the real server as raw bytes: request lines and headers past Kestrel's limits, paths as an attacker
/// writes them (no client normalising them first), bodies nobody asked for. Each gets 400, 404, 405, 414 or 431.
/// </summary>
public sealed class KestrelLimitsTests : IAsyncLifetime
{
    private SiteFactory _site = null!;

    public ValueTask InitializeAsync()
    {
        _site = KestrelSite.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/../content/roles/teacher.md", 404)]
    [InlineData("/../../appsettings.json", 404)]
    [InlineData("/css/../../appsettings.json", 404)]
    [InlineData("/%2e%2e/%2e%2e/appsettings.json", 404)]
    [InlineData("/roles/..%2f..%2fappsettings.json", 400)]
    [InlineData("/roles/teacher%00", 400)]
    [InlineData("/roles/teacher%00.md", 400)]
    [InlineData("/roles/%5c..%5cappsettings.json", 400)]
    [InlineData("/.git/config", 404)]
    [InlineData("/CareerGuides.Web.dll", 404)]
    [InlineData("/appsettings.json", 404)]
    [InlineData("/roles/teacher", 200)]
    public async Task Raw_paths_get_a_clear_status_and_never_a_file(string target, int expected)
    {
        var response = await _site.SendRawAsync($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close");

        Assert.Equal(expected, response.Status);
        Assert.DoesNotContain("Serilog", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("salary_source:", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("[core]", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_line_past_8_KB_is_414()
    {
        var response = await _site.SendRawAsync($"GET /roles/{new string('a', 9_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close");

        Assert.Equal(414, response.Status);
    }

    [Fact]
    public async Task Headers_past_32_KB_are_431()
    {
        var response = await _site.SendRawAsync($"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {new string('a', 40_000)}\r\nConnection: close");

        Assert.Equal(431, response.Status);
    }

    [Fact]
    public async Task More_than_64_headers_are_431()
    {
        var many = string.Concat(Enumerable.Range(0, 80).Select(i => $"X-H{i}: {i}\r\n"));
        var response = await _site.SendRawAsync($"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n{many}Connection: close");

        Assert.Equal(431, response.Status);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: attacker.example\r\nConnection: close", 400)]
    [InlineData("GET http://attacker.example/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close", 400)]
    [InlineData("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: attacker.example\r\nConnection: close", 400)]
    [InlineData("GET / HTTP/1.1\r\nConnection: close", 400)]
    [InlineData("GARBAGE\r\nConnection: close", 400)]
    [InlineData("GET / HTTP/9.9\r\nHost: 127.0.0.1", 505)]
    public async Task Malformed_or_spoofed_requests_are_refused(string head, int expected)
    {
        var response = await _site.SendRawAsync(head);

        Assert.Equal(expected, response.Status);
    }

    [Fact]
    public async Task A_body_sent_to_a_site_that_takes_none_is_refused()
    {
        var body = new string('a', 100_000);
        var response = await _site.SendRawAsync($"POST /roles/teacher HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {body.Length}\r\nContent-Type: application/x-www-form-urlencoded\r\nConnection: close", body);

        Assert.Equal(405, response.Status);
    }

    [Fact]
    public async Task No_response_names_the_server()
    {
        foreach (var target in new[] { "/", "/css/site.css", "/no-such-page", "/sitemap.xml" })
        {
            var response = await _site.SendRawAsync($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close");

            Assert.DoesNotContain("\r\nServer:", response.Headers, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("X-Powered-By", response.Headers, StringComparison.OrdinalIgnoreCase);
        }
    }
}
