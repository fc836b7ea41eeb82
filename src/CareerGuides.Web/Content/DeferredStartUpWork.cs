using System.Runtime;

namespace CareerGuides.Web.Content;

/// <summary>
/// What start-up leaves until the site has answered: indexing the first snapshot for search, storing its parses in the
/// parse cache, then one compacting collection that returns the load's garbage to the operating system. Done while
/// the host was still starting, they ran beside the first request on a 2-core machine: the index and the collection
/// delayed its answer by about 0.35 s for 10,000 guides, and writing 10,120 cache entries by 0.5 s or more
/// (docs/performance.md). The work begins once the first response has been sent, or <see cref="MaxWait"/> after the
/// host has started if no request has come by then (if one has, and is still being answered, it waits for that answer,
/// up to <see cref="MaxWaitForAnswer"/>), and then for a moment without requests (<see cref="Quiet"/>, at most
/// <see cref="MaxWaitForQuiet"/>). A search arriving before then builds the index itself (it waits for it).
/// </summary>
public sealed partial class DeferredStartUpWork
{
    /// <summary>How long the work waits for a first request before it starts anyway.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);

    /// <summary>How much longer it waits when a first request has arrived but is still being answered.</summary>
    public static readonly TimeSpan MaxWaitForAnswer = TimeSpan.FromSeconds(10);

    /// <summary>After the first answer, how long no request must have started before the work begins.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    /// <summary>The longest the work waits for such a quiet moment, under steady traffic.</summary>
    public static readonly TimeSpan MaxWaitForQuiet = TimeSpan.FromSeconds(5);

    private readonly ContentStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger<DeferredStartUpWork> _logger;
    private readonly TaskCompletionSource _firstAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _waitingForFirstAnswer = true;
    private volatile bool _pending = true;
    private volatile bool _firstRequestArrived;
    private long _lastRequest;

    public DeferredStartUpWork(ContentStore store, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<DeferredStartUpWork> logger)
    {
        (_store, _clock, _logger) = (store, clock, logger);
        lifetime.ApplicationStarted.Register(() => _ = RunAsync());

        // A site stopped before its first answer still stores what it parsed, as far as it gets (each entry is
        // written whole or not at all).
        lifetime.ApplicationStopping.Register(() => store.Cache?.ReleaseWrites());
    }

    /// <summary>Completes when the work has finished or failed (for tests and tools that measure settled memory).</summary>
    public Task Completion => _done.Task;

    /// <summary>
    /// Middleware, first in the pipeline: until the work is done it notes when each request starts (for its quiet
    /// moments), and until the first answer has gone out it asks to be told when a response completes; after that
    /// each request costs one field read.
    /// </summary>
    public Task WatchStartUpRequests(HttpContext context, RequestDelegate next)
    {
        if (_pending)
        {
            Volatile.Write(ref _lastRequest, _clock.GetTimestamp());
            if (_waitingForFirstAnswer)
            {
                _firstRequestArrived = true;
                context.Response.OnCompleted(() =>
                {
                    _waitingForFirstAnswer = false;
                    _firstAnswer.TrySetResult();
                    return Task.CompletedTask;
                });
            }
        }

        return next(context);
    }

    private async Task RunAsync()
    {
        try
        {
            await Task.WhenAny(_firstAnswer.Task, Task.Delay(MaxWait, _clock)).ConfigureAwait(false);
            if (!_firstAnswer.Task.IsCompleted && _firstRequestArrived)
            {
                // A first request came late and is still being rendered: the work would run beside it.
                await Task.WhenAny(_firstAnswer.Task, Task.Delay(MaxWaitForAnswer, _clock)).ConfigureAwait(false);
            }

            _waitingForFirstAnswer = false;

            // Then a quiet moment: begun in a burst of requests (a browser fetching a page's assets, a load balancer
            // letting traffic in), the work would slow them.
            await QuietMomentAsync().ConfigureAwait(false);

            var pausedBeforeIndex = GC.GetTotalPauseDuration();
            var collectionsBeforeIndex = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var (jitMethods, jitTime) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
            await _store.Current.SearchAsync().ConfigureAwait(false);

            // The first load's parses, held until now (ContentStore): a first start writes one file per guide, which
            // takes seconds, so the collection below waits for another quiet moment: it stops every thread.
            if (_store.Cache is { } cache)
            {
                cache.ReleaseWrites();
                await cache.Flush().ConfigureAwait(false);
                await QuietMomentAsync().ConfigureAwait(false);
            }

            // Collected any earlier, the index's own garbage stayed in the youngest generation, uncollected while the
            // site is quiet: 50 MB of resident memory for 10,000 guides (docs/performance.md).
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var memory = GC.GetGCMemoryInfo();
            LogMemoryAfterStartUp(memory.HeapSizeBytes / (1024 * 1024), memory.TotalCommittedBytes / (1024 * 1024),
                GCSettings.IsServerGC ? "server" : "workstation", pausedBeforeIndex.TotalMilliseconds,
                collectionsBeforeIndex.Item1, collectionsBeforeIndex.Item2, collectionsBeforeIndex.Item3, jitMethods, jitTime.TotalMilliseconds);
        }
        catch (Exception e)
        {
            // Nothing is lost but memory and a search's first wait: a search builds the index on demand.
            LogFailed(e);
        }
        finally
        {
            _pending = false;
            _store.Cache?.ReleaseWrites();
            _done.TrySetResult();
        }
    }

    /// <summary>Waits until no request has started for <see cref="Quiet"/>, at most <see cref="MaxWaitForQuiet"/>.</summary>
    private async Task QuietMomentAsync()
    {
        var waitingSince = _clock.GetTimestamp();
        while (_firstRequestArrived && _clock.GetElapsedTime(Volatile.Read(ref _lastRequest)) is var quiet && quiet < Quiet
            && _clock.GetElapsedTime(waitingSince) < MaxWaitForQuiet)
        {
            await Task.Delay(Quiet - quiet, _clock).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Memory after start-up (content loaded and indexed for search): managed heap {HeapMb} MB, committed {CommittedMb} MB ({Collector} GC; before indexing, the collector had paused the site for {PausedMs:0} ms over {Gen0} collections, {Gen1} of them reaching generation 1 and {Gen2} generation 2, and {JitMethods} methods had been JIT-compiled in {JitMs:0} ms)")]
    private partial void LogMemoryAfterStartUp(long heapMb, long committedMb, string collector, double pausedMs, int gen0, int gen1, int gen2, long jitMethods, double jitMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "The work left for after start-up (search index, parse-cache writes, memory collection) failed; search builds its index on first use, and the cache's writes go ahead")]
    private partial void LogFailed(Exception exception);
}
