using System.Net;
using CareerGuides.Web.Content;
using Microsoft.AspNetCore.Builder;
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
    public async Task The_first_snapshot_is_indexed_for_search_after_the_first_answer_and_a_quiet_moment_and_not_before()
    {
        var clock = new FakeClock();
        await using var site = new ClockedSite(clock);
        _ = site.Server;
        var store = site.Services.GetRequiredService<ContentStore>();
        var work = site.Services.GetRequiredService<DeferredStartUpWork>();

        // The clock stands still: only an answer (and then quiet time on this clock) can start the work.
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.False(store.Current.IsSearchIndexed);

        var (response, page) = await site.GetPageAsync("/roles");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(page.QuerySelectorAll("main a[href^='/roles/']"));

        // A page's assets follow it: each request restarts the quiet moment the work waits for.
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            clock.Advance(DeferredStartUpWork.Quiet / 2);
            var (asset, _) = await site.GetPageAsync("/roles");
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }

        clock.Advance(DeferredStartUpWork.Quiet / 2);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(work.Completion.IsCompleted);
        Assert.False(store.Current.IsSearchIndexed);

        await clock.AdvanceUntil(work.Completion, DeferredStartUpWork.Quiet / 3, Patience);
        Assert.True(store.Current.IsSearchIndexed);
    }

    [Fact]
    public async Task The_first_load_is_stored_in_the_parse_cache_after_the_first_answer_and_not_before()
    {
        var cachePath = Path.Combine(Path.GetTempPath(), "careerguides-web-tests", "deferred-" + Guid.NewGuid().ToString("n"));
        try
        {
            var clock = new FakeClock();
            await using var site = new ClockedSite(clock, new Dictionary<string, string> { ["Content:CachePath"] = cachePath });
            _ = site.Server;
            var cache = site.Services.GetRequiredService<ContentStore>().Cache;
            Assert.NotNull(cache);
            var work = site.Services.GetRequiredService<DeferredStartUpWork>();

            // Every file was parsed; none is written while the first answer is awaited.
            await Task.Delay(500, TestContext.Current.CancellationToken);
            Assert.Empty(Directory.EnumerateFiles(cache.Folder));

            var (response, _) = await site.GetPageAsync("/roles");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await clock.AdvanceUntil(work.Completion, DeferredStartUpWork.Quiet, Patience);

            var files = Directory.EnumerateFiles(Testing.RepositoryPaths.Content, "*.md", SearchOption.AllDirectories).Count();
            Assert.Equal(files, Directory.EnumerateFiles(cache.Folder).Count(f => !f.EndsWith(".tmp", StringComparison.Ordinal)));
        }
        finally
        {
            if (Directory.Exists(cachePath))
            {
                Directory.Delete(cachePath, recursive: true);
            }
        }
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

    [Fact]
    public async Task A_first_request_still_being_answered_when_the_wait_runs_out_holds_the_work_until_its_answer()
    {
        var clock = new FakeClock();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var site = new HeldFirstAnswerSite(clock, gate.Task);
        _ = site.Server;
        var store = site.Services.GetRequiredService<ContentStore>();
        var work = site.Services.GetRequiredService<DeferredStartUpWork>();
        using var client = site.CreateClient();

        // The page is rendered, but its response is held open: the request has arrived and is not answered yet.
        var answer = client.GetAsync(new Uri("/roles", UriKind.Relative), TestContext.Current.CancellationToken);
        await site.Rendered.WaitAsync(Patience, TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        clock.Advance(DeferredStartUpWork.MaxWait + DeferredStartUpWork.Quiet); // the one-second wait runs out
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.False(work.Completion.IsCompleted);
        Assert.False(store.Current.IsSearchIndexed);

        gate.SetResult();
        using var response = await answer.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await clock.AdvanceUntil(work.Completion, DeferredStartUpWork.Quiet, Patience);
        Assert.True(store.Current.IsSearchIndexed);
    }

    /// <summary>
    /// A clock that moves only when the test moves it; its timers fire when it passes their time. Wall-clock time
    /// (<see cref="TimeProvider.GetUtcNow"/>) is the system's.
    /// </summary>
    private sealed class FakeClock : TimeProvider
    {
        private readonly List<(long Due, TimerCallback Callback, object? State)> _timers = [];
        private long _now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _now);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (_timers)
            {
                _timers.Add((GetTimestamp() + dueTime.Ticks, callback, state));
            }

            return new StoppedClock.NeverTimer();
        }

        public void Advance(TimeSpan by)
        {
            var now = Interlocked.Add(ref _now, by.Ticks);
            (long Due, TimerCallback Callback, object? State)[] due;
            lock (_timers)
            {
                due = [.. _timers.Where(t => t.Due <= now)];
                _timers.RemoveAll(t => t.Due <= now);
            }

            foreach (var (_, callback, state) in due)
            {
                callback(state);
            }
        }

        /// <summary>Moves the clock a step at a time, letting the site's continuations run between steps, until <paramref name="done"/>.</summary>
        public async Task AdvanceUntil(Task done, TimeSpan step, TimeSpan patience)
        {
            var started = DateTime.UtcNow;
            while (!done.IsCompleted && DateTime.UtcNow - started < patience)
            {
                Advance(step);
                await Task.WhenAny(done, Task.Delay(50));
            }

            await done.WaitAsync(TimeSpan.FromSeconds(1));
        }
    }

    private sealed class ClockedSite(TimeProvider clock, IReadOnlyDictionary<string, string>? settings = null) : SiteFactory(null, "Production", settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    /// <summary>A site whose first response, once rendered, is held open until <c>release</c> completes.</summary>
    private sealed class HeldFirstAnswerSite(TimeProvider clock, Task release) : SiteFactory
    {
        private readonly TaskCompletionSource _rendered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Rendered => _rendered.Task;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(clock);
                services.AddSingleton<IStartupFilter>(new HoldFilter(this, release));
            });
        }

        private sealed class HoldFilter(HeldFirstAnswerSite site, Task release) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (context, inner) =>
                {
                    await inner(context);
                    site._rendered.TrySetResult();
                    await release;
                });
                next(app);
            };
        }
    }

    /// <summary>A clock whose timers never fire, so that the work's wait for a first request never runs out.</summary>
    private sealed class StoppedClock : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new NeverTimer();

        internal sealed class NeverTimer : ITimer
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
