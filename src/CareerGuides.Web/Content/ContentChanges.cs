using System.Threading.Channels;
using CareerGuides.Content.Loading;
using Microsoft.Extensions.Options;

namespace CareerGuides.Web.Content;

/// <summary>
/// Notices changes in the content folder and queues them for <see cref="ContentWatcher"/>. It is started by the
/// <see cref="ContentStore"/> before the first load reads any file, so a file saved while the site is starting (during
/// that load, or before the hosted services run) is queued and reloaded, never missed. If the operating system
/// refuses a watcher (its inotify limit is reached), <see cref="Watching"/> is false and the folder is polled instead.
/// </summary>
/// <param name="options">The content settings (whether to watch at all).</param>
/// <param name="logger">Where problems with the watcher are reported.</param>
/// <param name="enableWatcher">Starts a file-system watcher (sets EnableRaisingEvents); tests replace it to simulate
/// the operating system refusing one.</param>
public sealed partial class ContentChanges(
    IOptions<ContentOptions> options,
    ILogger<ContentChanges> logger,
    ContentChanges.WatcherStarter? enableWatcher = null) : IDisposable
{
    /// <summary>Starts a configured file-system watcher; throws as FileSystemWatcher does when the system refuses one.</summary>
    public delegate void WatcherStarter(FileSystemWatcher watcher);

    /// <summary>Stands for "rescan everything" in the queue of changes.</summary>
    public const string Rescan = "";

    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private FileSystemWatcher? _watcher;
    private Func<string, bool> _heldContent = _ => true;

    /// <summary>The queued changes: full paths of content files, or <see cref="Rescan"/>.</summary>
    public ChannelReader<string> Reader => _changes.Reader;

    /// <summary>Whether changes are being noticed as they happen (false: watching is off, or the system refused a watcher).</summary>
    public bool Watching => _watcher is not null;

    /// <summary>
    /// Starts watching <paramref name="root"/> when watching is on. Called once, before the first load.
    /// </summary>
    /// <param name="root">The content folder.</param>
    /// <param name="heldContent">Whether a path that is gone (and was not a content file) was a folder with served
    /// files in it, so that its removal means a rescan.</param>
    internal void Start(string root, Func<string, bool> heldContent)
    {
        _heldContent = heldContent;
        if (!options.Value.Watch || _watcher is not null)
        {
            return;
        }

        var watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        // A folder's "changed" event only says a file inside it changed, which has its own event.
        watcher.Changed += (_, e) =>
        {
            if (ContentFiles.IsContentFile(e.FullPath))
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
            _watcher = watcher;
            LogWatching(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // Typically the inotify limit (fs.inotify.max_user_instances or max_user_watches) is reached.
            LogWatcherUnavailable(e, ContentWatcher.PollInterval.TotalSeconds);
            watcher.Dispose();
        }
    }

    /// <summary>Queues a rescan of the whole folder (the date changed, say).</summary>
    public void QueueRescan() => _changes.Writer.TryWrite(Rescan);

    public void Dispose() => _watcher?.Dispose();

    /// <summary>
    /// Queues a changed path if it can matter: a Markdown file, or a folder that appeared or that held content
    /// (a moved or deleted folder means a rescan). Editors' and tools' temporary files (sed's, vim's) are ignored.
    /// </summary>
    private void Enqueue(string fullPath)
    {
        if (ContentFiles.IsContentFile(fullPath))
        {
            _changes.Writer.TryWrite(fullPath);
        }
        else if (Directory.Exists(fullPath) || _heldContent(fullPath))
        {
            _changes.Writer.TryWrite(Rescan);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {ContentRoot} for changes")]
    private partial void LogWatching(string contentRoot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch the content folder; polling it every {Seconds} s instead")]
    private partial void LogWatcherUnavailable(Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The content watcher lost events; rescanning the folder")]
    private partial void LogWatcherError(Exception exception);
}
