using CareerGuides.Content.Loading;
using Microsoft.Extensions.Options;

namespace CareerGuides.Web.Content;

/// <summary>
/// Holds the snapshot the site is serving and rebuilds it when content changes. Each request takes the snapshot
/// once (it is registered as a scoped service) and works on it to the end, and a reload replaces the whole
/// reference at once, so no request sees a mix of old and new content.
/// </summary>
public sealed partial class ContentStore
{
    private readonly ContentBuilder _builder;
    private readonly ILogger<ContentStore> _logger;
    private readonly Lock _gate = new();
    private ContentSnapshot _current = ContentSnapshot.Empty;
    private long _reloads;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _ignoredReported = new(StringComparer.Ordinal);

    public ContentStore(IOptions<ContentOptions> options, IHostEnvironment environment, TimeProvider timeProvider, ILogger<ContentStore> logger, ContentChanges changes)
    {
        _logger = logger;
        var root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Path));

        // Off by default in Development: hot reload changes the parser's code without changing the build's identity.
        var cachePath = options.Value.CachePath ?? (environment.IsDevelopment() ? "" : ContentOptions.DefaultCachePath);
        Cache = OpenCache(cachePath, environment.ContentRootPath, root);

        // The first load's parses are stored once the site has answered (DeferredStartUpWork), or when a command
        // asks for them (prime-cache, export): written at once, ten thousand files competed with the first answer.
        Cache?.HoldWrites();

        // The builder reads no file yet; it refuses a content folder that does not exist, with a message naming it.
        _builder = new ContentBuilder(root, timeProvider, options.Value.ShowUnpublished ?? environment.IsDevelopment(), SitePaths.Reserved, Cache);

        // Changes are noticed from before the first load reads a file: one saved while the site starts is reloaded.
        changes.Start(root, path => HeldContent(root, path));

        // The first load's search index is left to the start-up work that follows the first answer
        // (DeferredStartUpWork): built here, it ran beside the host's start and the first request on a 2-core machine.
        Load(null, prepareSearch: false);
    }

    /// <summary>The parse cache in use, or null when it is off or could not be opened.</summary>
    public ParseCache? Cache { get; }

    private ParseCache? OpenCache(string? path, string appRoot, string contentRoot)
    {
        if (path is null)
        {
            LogCacheUnusable("the site's user has no local data folder (no home folder) to keep it in");
            return null;
        }

        if (path.Length == 0)
        {
            return null;
        }

        var cache = new ParseCache(Path.Combine(appRoot, path), contentRoot);
        if (cache.Open())
        {
            return cache;
        }

        // Not a content problem, and nothing is lost but start-up time: every file is parsed, as without a cache.
        LogCacheUnusable(cache.Problem ?? "unknown");
        return null;
    }

    /// <summary>
    /// Whether a path that is gone was a folder with served files in it. Before the first load has finished nothing
    /// is known, so any such path counts.
    /// </summary>
    private bool HeldContent(string root, string fullPath)
    {
        var snapshot = Current;
        if (ReferenceEquals(snapshot, ContentSnapshot.Empty))
        {
            return true;
        }

        var folder = Path.GetRelativePath(root, fullPath).Replace('\\', '/') + "/";
        return snapshot.Guides.Any(g => g.SourcePath.StartsWith(folder, StringComparison.Ordinal))
            || snapshot.Roles.Any(r => r.SourcePath.StartsWith(folder, StringComparison.Ordinal));
    }

    /// <summary>Raised after a new snapshot has been swapped in.</summary>
    public event EventHandler<ContentSnapshot>? Reloaded;

    /// <summary>The absolute path of the content folder.</summary>
    public string RootPath => _builder.Root;

    /// <summary>The snapshot being served.</summary>
    public ContentSnapshot Current => Volatile.Read(ref _current);

    /// <summary>How many times the content has been loaded since start-up.</summary>
    public long ReloadCount => Interlocked.Read(ref _reloads);

    /// <summary>
    /// Rebuilds the snapshot, reading only <paramref name="changedPaths"/> when given (the whole folder otherwise),
    /// and swaps it in.
    /// </summary>
    public LoadResult Reload(IReadOnlyCollection<string>? changedPaths = null) => Load(changedPaths, prepareSearch: true);

    private LoadResult Load(IReadOnlyCollection<string>? changedPaths, bool prepareSearch)
    {
        LoadResult result;
        lock (_gate)
        {
            result = _builder.Build(changedPaths);
            Volatile.Write(ref _current, result.Snapshot);
            Interlocked.Increment(ref _reloads);
        }

        foreach (var diagnostic in result.Snapshot.Diagnostics)
        {
            if (diagnostic.IsError)
            {
                LogContentError(diagnostic.ToString(), diagnostic.Hint);
            }
            else
            {
                LogContentWarning(diagnostic.ToString(), diagnostic.Hint);
            }
        }

        // Each leftover once, not on every rescan (polling rescans every few seconds).
        foreach (var ignored in result.IgnoredFiles.Where(path => _ignoredReported.TryAdd(path, true)))
        {
            LogIgnored(ignored);
        }

        var snapshot = result.Snapshot;

        // The search index is built off the reload's path: pages are served from the new snapshot at once, and a
        // search arriving before the index is ready waits for it (Lazy, built once).
        if (prepareSearch)
        {
            _ = snapshot.SearchAsync();
        }

        LogLoaded(result.Incremental ? "reloaded" : "loaded", snapshot.Roles.Length, snapshot.Guides.Length, result.FilesRead,
            result.FilesFromCache, result.FilesRejected, result.FilesServingLastGood, result.Duration.TotalMilliseconds,
            result.Phases.Read.TotalMilliseconds, result.Phases.Link.TotalMilliseconds, result.Phases.Snapshot.TotalMilliseconds, RootPath, snapshot.Version);
        Reloaded?.Invoke(this, snapshot);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content {Action}: {Roles} roles and {Guides} guides served; {FilesRead} files read ({FromCache} of them parsed before, from the parse cache), {Rejected} rejected, {LastGood} serving their last good version; {ElapsedMs:0.0} ms (reading and parsing {ReadMs:0.0} ms, linking {LinkMs:0.0} ms, building the snapshot {SnapshotMs:0.0} ms) from {ContentRoot} (version {Version})")]
    private partial void LogLoaded(string action, int roles, int guides, int filesRead, int fromCache, int rejected, int lastGood, double elapsedMs, double readMs, double linkMs, double snapshotMs, string contentRoot, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The parse cache is off: {Problem}. Every file is parsed at start-up; set Content:CachePath to a private folder the site can write to (or to empty, to turn the cache off knowingly)")]
    private partial void LogCacheUnusable(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content: {Path} is an editor's backup, swap or lock file; not read")]
    private partial void LogIgnored(string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content error: {Diagnostic} (hint: {Hint})")]
    private partial void LogContentError(string diagnostic, string hint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content warning: {Diagnostic} (hint: {Hint})")]
    private partial void LogContentWarning(string diagnostic, string hint);
}
