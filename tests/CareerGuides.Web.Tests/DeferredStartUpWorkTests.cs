using System.Net;
using CareerGuides.Web.Content;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareerGuides.Web.Tests;

/// <summary>
/// Start-up leaves the search index (and the collection after it) until the first answer has gone out, so that the
/// first page is not slowed by them; the index must still be built without any request, and a search that comes
/// first must still be answered.
/// </summary>
public sealed class DeferredStartUpWorkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_first_snapshot_is_indexed_for_search_once_the_first_page_is_answered_and_not_before()
    {
        await using var site = new StoppedClockSite();
        _ = site.Server;
        var store = site.Services.GetRequiredService<ContentStore>();
        var work = site.Services.GetRequiredService<DeferredStartUpWork>();

        // Well past the wait a clock would allow, but this clock never fires: only an answer can start the work.
        await Task.Delay(DeferredStartUpWork.MaxWait * 2, TestContext.Current.CancellationToken);
        Assert.False(store.Current.IsSearchIndexed);
        Assert.False(work.Completion.IsCompleted);

        var (response, page) = await site.GetPageAsync("/roles");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(page.QuerySelectorAll("main a[href^='/roles/']"));

        await work.Completion.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.True(store.Current.IsSearchIndexed);
    }

    [Fact]
    public async Task Without_any_request_the_first_snapshot_is_still_indexed_after_the_wait()
    {
        await using var site = new SiteFactory(null, "Production");
        _ = site.Server;
        var work = site.Services.GetRequiredService<DeferredStartUpWork>();

        await work.Completion.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.True(site.Services.GetRequiredService<ContentStore>().Current.IsSearchIndexed);
    }

    [Fact]
    public async Task A_search_that_comes_first_builds_the_index_itself_and_finds_guides()
    {
        await using var site = new StoppedClockSite();
        _ = site.Server;

        var (response, page) = await site.GetPageAsync("/search?q=developer");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(page.QuerySelectorAll("main a[href^='/guides/']"));
        Assert.True(site.Services.GetRequiredService<ContentStore>().Current.IsSearchIndexed);
    }

    /// <summary>A clock whose timers never fire, so that the work's wait for a first request never runs out.</summary>
    private sealed class StoppedClock : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new NeverTimer();

        private sealed class NeverTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private sealed class StoppedClockSite : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new StoppedClock()));
        }
    }
}
