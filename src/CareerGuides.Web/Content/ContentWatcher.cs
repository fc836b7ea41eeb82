using Microsoft.Extensions.Options;

namespace CareerGuides.Web.Content;

/// <summary>
/// Reloads what changed in the content folder, as noticed by <see cref="ContentChanges"/>. Changes are gathered until
/// the folder has been quiet for a moment (or a short maximum delay has passed), so a burst of saves, a git checkout
/// touching hundreds of files, or an editor that truncates then writes, or writes a temporary file then renames it,
/// becomes one reload of the files involved. Without a watcher (the operating system refused one), the folder is
/// rescanned every few seconds. Also rebuilds when the date changes, so scheduled guides go live on their day.
/// </summary>
/// <param name="store">The content being served.</param>
/// <param name="changes">The changes noticed since the first load.</param>
/// <param name="options">The content settings.</param>
/// <param name="timeProvider">The clock.</param>
/// <param name="logger">Where the watcher reports.</param>
public sealed partial class ContentWatcher(
    ContentStore store,
    ContentChanges changes,
    IOptions<ContentOptions> options,
    TimeProvider timeProvider,
    ILogger<ContentWatcher> logger) : BackgroundService
{
    internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DateCheckInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch)
        {
            return;
        }

        var dateLoop = WatchDateAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var (batch, noticed) = await NextBatchAsync(!changes.Watching, stoppingToken);
                try
                {
                    var result = store.Reload(batch.Contains(ContentChanges.Rescan) ? null : batch);
                    var sinceNoticed = timeProvider.GetElapsedTime(noticed).TotalMilliseconds;
                    LogServed(sinceNoticed, result.FilesRead);
                }
#pragma warning disable CA1031 // The watcher must outlive any one failed reload; the last snapshot stays in service.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    LogReloadFailed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await dateLoop;
    }

    /// <summary>
    /// Waits for the first change, then gathers more until the folder is quiet or the maximum delay passes.
    /// Without a watcher, polls: every interval is a rescan.
    /// </summary>
    /// <returns>The changed paths, and the timestamp at which the first of them was noticed.</returns>
    private async Task<(HashSet<string> Batch, long Noticed)> NextBatchAsync(bool polling, CancellationToken stoppingToken)
    {
        if (polling)
        {
            await Task.Delay(PollInterval, timeProvider, stoppingToken);
            return ([ContentChanges.Rescan], timeProvider.GetTimestamp());
        }

        var batch = new HashSet<string>(StringComparer.Ordinal) { await changes.Reader.ReadAsync(stoppingToken) };
        var noticed = timeProvider.GetTimestamp();
        var quiet = TimeSpan.FromMilliseconds(options.Value.QuietMilliseconds);
        var deadline = timeProvider.GetTimestamp() + (long)(TimeSpan.FromMilliseconds(options.Value.MaxDelayMilliseconds).TotalSeconds * timeProvider.TimestampFrequency);
        while (true)
        {
            var left = timeProvider.GetElapsedTime(timeProvider.GetTimestamp(), deadline);
            var wait = left < quiet ? left : quiet;
            if (wait <= TimeSpan.Zero)
            {
                break;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(wait);
            try
            {
                batch.Add(await changes.Reader.ReadAsync(timeout.Token));
                while (changes.Reader.TryRead(out var more))
                {
                    batch.Add(more);
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        return (batch, noticed);
    }

    private async Task WatchDateAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(DateCheckInterval, timeProvider, stoppingToken);
                var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
                if (today != store.Current.Policy.Today)
                {
                    changes.QueueRescan();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content change served {SinceNoticedMs:0.0} ms after it was noticed ({FilesRead} files read)")]
    private partial void LogServed(double sinceNoticedMs, int filesRead);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading content failed; the previous content stays in service")]
    private partial void LogReloadFailed(Exception exception);
}
