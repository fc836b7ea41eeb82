using CareerGuides.Content.Loading;
using Microsoft.Extensions.Options;

namespace CareerGuides.Web.Content;

/// <summary>
/// Holds the snapshot the site is serving. A request reads <see cref="Current"/> once and works on that snapshot;
/// a reload replaces the whole reference at once, so no request sees a mix of old and new content.
/// </summary>
public sealed partial class ContentStore
{
    private readonly ContentLoader _loader;
    private readonly ILogger<ContentStore> _logger;
    private ContentSnapshot _current = ContentSnapshot.Empty;

    public ContentStore(IOptions<ContentOptions> options, IHostEnvironment environment, TimeProvider timeProvider, ILogger<ContentStore> logger)
    {
        _loader = new ContentLoader(timeProvider);
        _logger = logger;
        RootPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Path));
        Reload();
    }

    /// <summary>The absolute path of the content folder.</summary>
    public string RootPath { get; }

    /// <summary>The snapshot being served.</summary>
    public ContentSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Loads the content folder and swaps the new snapshot in.</summary>
    public LoadResult Reload()
    {
        var result = _loader.Load(RootPath);
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

        LogLoaded(result.Snapshot.Roles.Length, result.Snapshot.Guides.Length, result.FilesRejected, result.Duration.TotalMilliseconds, RootPath, result.Snapshot.Version);
        Volatile.Write(ref _current, result.Snapshot);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content loaded: {Roles} roles and {Guides} guides published, {Rejected} files rejected, in {ElapsedMs:0.0} ms from {ContentRoot} (version {Version})")]
    private partial void LogLoaded(int roles, int guides, int rejected, double elapsedMs, string contentRoot, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content file rejected: {Diagnostic} (hint: {Hint})")]
    private partial void LogContentError(string diagnostic, string hint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content warning: {Diagnostic} (hint: {Hint})")]
    private partial void LogContentWarning(string diagnostic, string hint);
}
