using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CareerGuides.Web.Content;

/// <summary>
/// Watches the content folder and reloads what changed. Events are gathered until the folder has been quiet for a
/// moment (or a short maximum delay has passed), so a burst of saves, a git checkout touching hundreds of files,
/// or an editor that truncates then writes, or writes a temporary file then renames it, becomes one reload of the
/// files involved. If the operating system refuses a watcher (its limit is reached) or loses events, the folder is
/// rescanned instead. Also rebuilds when the date changes, so scheduled guides go live on their day.
/// </summary>
/// <param name="store">The content being served.</param>
/// <param name="options">The content settings.</param>
/// <param name="timeProvider">The clock.</param>
/// <param name="logger">Where the watcher reports.</param>
/// <param name="enableWatcher">Starts a file-system watcher (sets EnableRaisingEvents); tests replace it to simulate
/// the operating system refusing one, as it does when its inotify limit is reached.</param>
public sealed partial class ContentWatcher(
    ContentStore store,
    IOptions<ContentOptions> options,
    TimeProvider timeProvider,
    ILogger<ContentWatcher> logger,
    ContentWatcher.WatcherStarter? enableWatcher = null) : BackgroundService
{
    /// <summary>Starts a configured file-system watcher; throws as FileSystemWatcher does when the system refuses one.</summary>
    public delegate void WatcherStarter(FileSystemWatcher watcher);

    /// <summary>Stands for "rescan everything" in the queue of changes.</summary>
    private const string Rescan = "";

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DateCheckInterval = TimeSpan.FromMinutes(1);

    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch)
        {
            return;
        }

        using var watcher = StartWatcher();
        var dateLoop = WatchDateAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var (batch, noticed) = await NextBatchAsync(watcher is null, stoppingToken);
                try
                {
                    var result = store.Reload(batch.Contains(Rescan) ? null : batch);
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

    private FileSystemWatcher? StartWatcher()
    {
        var watcher = new FileSystemWatcher(store.RootPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        // A folder's "changed" event only says a file inside it changed, which has its own event.
        watcher.Changed += (_, e) =>
        {
            if (IsContentFile(e.FullPath))
            {
                _changes.Writer.TryWrite(e.FullPath);
            }
        };
        watcher.Created += (_, e) => Enqueue(e.FullPath);
        watcher.Deleted += (_, e) => Enqueue(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Enqueue(e.OldFullPath);
            Enqueue(e.FullPath);
        };
        watcher.Error += (_, e) =>
        {
            LogWatcherError(e.GetException());
            _changes.Writer.TryWrite(Rescan);
        };

        try
        {
            (enableWatcher ?? (w => w.EnableRaisingEvents = true))(watcher);
            LogWatching(store.RootPath);
            return watcher;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // Typically the inotify limit (fs.inotify.max_user_instances or max_user_watches) is reached.
            LogWatcherUnavailable(e, PollInterval.TotalSeconds);
            watcher.Dispose();
            return null;
        }
    }

    /// <summary>
    /// Queues a changed path if it can matter: a Markdown file, or a folder that appeared or that held content
    /// (a moved or deleted folder means a rescan). Editors' and tools' temporary files (sed's, vim's) are ignored.
    /// </summary>
    private void Enqueue(string fullPath)
    {
        if (IsContentFile(fullPath))
        {
            _changes.Writer.TryWrite(fullPath);
        }
        else if (Directory.Exists(fullPath) || HeldContent(fullPath))
        {
            _changes.Writer.TryWrite(Rescan);
        }
    }

    /// <summary>Whether a path that is gone was a folder with served files in it.</summary>
    private bool HeldContent(string fullPath)
    {
        var folder = Path.GetRelativePath(store.RootPath, fullPath).Replace('\\', '/') + "/";
        var snapshot = store.Current;
        return snapshot.Guides.Any(g => g.SourcePath.StartsWith(folder, StringComparison.Ordinal))
            || snapshot.Roles.Any(r => r.SourcePath.StartsWith(folder, StringComparison.Ordinal));
    }

    /// <summary>Markdown files, but not editors' backup, swap and lock files (<c>.#a.md</c>, <c>#a.md#</c>, <c>a.md~</c>).</summary>
    internal static bool IsContentFile(string path) => CareerGuides.Content.Loading.ContentFiles.IsContentFile(path);

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
            return ([Rescan], timeProvider.GetTimestamp());
        }

        var batch = new HashSet<string>(StringComparer.Ordinal) { await _changes.Reader.ReadAsync(stoppingToken) };
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
                batch.Add(await _changes.Reader.ReadAsync(timeout.Token));
                while (_changes.Reader.TryRead(out var more))
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
                    _changes.Writer.TryWrite(Rescan);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {ContentRoot} for changes")]
    private partial void LogWatching(string contentRoot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch the content folder; polling it every {Seconds} s instead")]
    private partial void LogWatcherUnavailable(Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The content watcher lost events; rescanning the folder")]
    private partial void LogWatcherError(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading content failed; the previous content stays in service")]
    private partial void LogReloadFailed(Exception exception);
}
