using System.Net;
using CareerGuides.Web.Infrastructure;
using CareerGuides.Web.Tests.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareerGuides.Web.Tests;

/// <summary>
/// Inline socket scheduling (Performance:InlineSocketScheduling): on by default only for a process with one
/// processor, a wrong value stops the site with a message naming the setting, and a site with it on serves many
/// connections at once correctly, over real sockets.
/// </summary>
public sealed class SocketSchedulingTests
{
    private const string GuidePath = "/guides/data-scientist-to-backend-developer";

    [Theory]
    [InlineData(null, InlineSocketScheduling.Auto)]
    [InlineData("", InlineSocketScheduling.Auto)]
    [InlineData(" auto ", InlineSocketScheduling.Auto)]
    [InlineData("On", InlineSocketScheduling.On)]
    [InlineData("OFF", InlineSocketScheduling.Off)]
    public void The_setting_is_read_case_insensitively_and_defaults_to_auto(string? value, InlineSocketScheduling expected) =>
        Assert.Equal(expected, SocketScheduling.Parse(value));

    [Theory]
    [InlineData("yes")]
    [InlineData("true")]
    [InlineData("1")]
    [InlineData("On,Off")]
    public void Any_other_value_is_refused_with_the_settings_name_and_values(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SocketScheduling.Parse(value));
        Assert.Contains(SocketScheduling.Setting, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auto", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InlineSocketScheduling.Auto, 1, false, true)]
    [InlineData(InlineSocketScheduling.Auto, 2, false, false)]
    [InlineData(InlineSocketScheduling.Auto, 16, false, false)]
    [InlineData(InlineSocketScheduling.On, 2, false, true)]
    [InlineData(InlineSocketScheduling.Off, 1, false, false)]
    [InlineData(InlineSocketScheduling.Auto, 1, true, false)]
    [InlineData(InlineSocketScheduling.On, 1, true, false)]
    public void Auto_is_inline_on_one_processor_only_and_windows_never_is(InlineSocketScheduling mode, int processors, bool windows, bool inline) =>
        Assert.Equal(inline, SocketScheduling.Decide(mode, processors, windows));

    [Fact]
    public void A_wrong_value_stops_the_site_at_start_up()
    {
        // The builder step refuses it with the message the start-up log shows...
        var builder = WebApplication.CreateBuilder();
        builder.Configuration[SocketScheduling.Setting] = "fast";
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddSocketScheduling());
        Assert.Contains($"{SocketScheduling.Setting} is 'fast'", error.Message, StringComparison.Ordinal);

        // ...and the site does not start with it.
        using var site = new SiteFactory(null, "Production", new Dictionary<string, string> { [SocketScheduling.Setting] = "fast" });
        Assert.ThrowsAny<Exception>(() => site.CreateClient());
    }

    [Fact]
    public void Off_leaves_kestrel_on_the_thread_pool()
    {
        using var site = new SiteFactory(null, "Production", new Dictionary<string, string> { [SocketScheduling.Setting] = "Off" });
        Assert.False(site.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
        Assert.False(site.Services.GetRequiredService<SocketSchedulingChoice>().Inline);
    }

    [Fact]
    public async Task With_it_on_many_connections_at_once_get_their_own_right_answers()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Inline socket scheduling is never used on Windows.");
        }

        await using var site = KestrelSite.Start(new Dictionary<string, string> { [SocketScheduling.Setting] = "On" });
        Assert.True(site.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
        Assert.Equal("1", Environment.GetEnvironmentVariable(SocketScheduling.RuntimeVariable));

        // Pages rendered for the first time, cached ones, a search, a missing page and the sitemap, all at once on
        // separate connections: each answer must be its own request's. The runtime reads its switch once, at the
        // process's first socket, so in a test process that already made one only Kestrel's half is exercised here;
        // the benchmark (docs/performance.md) runs the published site with both.
        (string Path, HttpStatusCode Status, string Marker)[] requests =
        [
            (GuidePath, HttpStatusCode.OK, "Data Scientist to Backend Developer"),
            ("/", HttpStatusCode.OK, "<h1"),
            ("/roles", HttpStatusCode.OK, "<h1"),
            ("/search?q=python", HttpStatusCode.OK, "python"),
            ("/guides/no-such-guide", HttpStatusCode.NotFound, "<h1"),
            ("/sitemap.xml", HttpStatusCode.OK, "<urlset"),
        ];
        var work = Enumerable.Range(0, 60).Select(async i =>
        {
            var (path, status, marker) = requests[i % requests.Length];
            using var client = site.CreateClient();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return (path, status, marker, response.StatusCode, body);
        });

        foreach (var (path, status, marker, actual, body) in await Task.WhenAll(work))
        {
            Assert.True(status == actual, $"{path}: {actual}, expected {status}");
            Assert.Contains(marker, body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
