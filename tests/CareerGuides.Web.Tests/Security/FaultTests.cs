using System.Net;
using CareerGuides.Web.Content;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareerGuides.Web.Tests.Security;

/// <summary>Faults the site survives: no file watcher to be had, editors' leftovers, an unexpected exception.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task When_the_system_refuses_a_file_watcher_the_folder_is_polled()
    {
        await using var temp = TempSite.Start(watch: false);
        var root = temp.Root;
        var refusals = 0;
        await using var site = new SiteFactory(root, "Production", new Dictionary<string, string> { ["Content:Watch"] = "true" })
            .WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton(new ContentChanges.WatcherStarter(
                _ =>
                {
                    Interlocked.Increment(ref refusals);
                    throw new IOException("The configured user limit (128) on the number of inotify instances has been reached.");
                }))));
        var store = site.Services.GetRequiredService<ContentStore>();
        _ = site.Server;
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Reloaded += (_, snapshot) =>
        {
            if (snapshot.FindGuide("data-scientist-to-backend-developer")?.TimelineMonths.Min == 7)
            {
                reloaded.TrySetResult();
            }
        };

        var guide = Path.Combine(root, "guides", "data-scientist-to-backend-developer.md");
        await File.WriteAllTextAsync(guide, (await File.ReadAllTextAsync(guide, TestContext.Current.CancellationToken))
            .Replace("timeline_months: { min: 6, max: 12 }", "timeline_months: { min: 7, max: 12 }", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        // Polling rescans every 2 seconds; the bound is generous, the wait ends on the reload itself.
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Equal(1, Volatile.Read(ref refusals)); // the watcher was refused: the change came in by polling
        using var client = site.CreateClient();
        using var response = await client.GetAsync(new Uri("/guides/data-scientist-to-backend-developer", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Editor_leftovers_saved_beside_content_never_become_errors()
    {
        await using var temp = TempSite.Start(watch: true);
        var good = temp.Read("roles/teacher.md");

        var snapshot = await temp.ChangeAndWaitAsync(() =>
        {
            temp.Write("roles/.#teacher.md", "garbage: [");
            temp.Write("roles/#teacher.md#", "garbage: [");
            temp.Write("roles/teacher.md~", "garbage: [");
            temp.Write("roles/.teacher.md.swp", "\0\0binary");
            temp.Write("roles/teacher.md", good.Replace("sector: Education", "sector: Schools", StringComparison.Ordinal));
        }, s => s.Roles.Any(r => r.Slug == "teacher" && r.Sector == "Schools"));

        Assert.Empty(snapshot.Diagnostics);
        Assert.Empty(temp.Store.Reload().Snapshot.Diagnostics); // a full rescan skips them too
    }

    [Fact]
    public async Task An_unexpected_exception_shows_a_no_store_error_page_with_the_security_headers()
    {
        await using var site = new SiteFactory().WithWebHostBuilder(b =>
            b.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>()));
        using var client = site.CreateClient();

        using var response = await client.GetAsync(new Uri("/boom", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        SecurityHeadersTests.AssertSecurityHeaders(response);
        Assert.DoesNotContain("secret detail", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/boom", (IApplicationBuilder b) => b.Run(_ => throw new InvalidOperationException("secret detail")));
        };
    }
}
