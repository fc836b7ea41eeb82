using CareerGuides.Web.Infrastructure;

namespace CareerGuides.Web.Content;

/// <summary>
/// <c>CareerGuides.Web prime-cache [configuration...]</c>: parses the content folder as the site would and stores every
/// file's parse in the parse cache, then exits, so that the site's first start from a new build (an image built with
/// this step, say) reads the cache instead of parsing everything. Other arguments are configuration, as for the site
/// (<c>--Content:Path=...</c>, <c>--Content:CachePath=...</c>); it must run as the site's user, with the content at the
/// path the site will read it from, because the cache is private to its owner and kept per content folder.
/// </summary>
public static class PrimeCacheCommand
{
    public const string Name = "prime-cache";

    public static bool IsPrimeCache(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Primes the cache; returns the process exit code (0 done, 1 the cache is off or cannot be used).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var builder = SiteExtensions.CreateCommandBuilder(args[1..]);
        builder.AddSiteLogging().AddContent();
        await using var app = builder.Build();

        // Loading the store parses every file the cache does not hold and queues its parse to be stored.
        var store = app.Services.GetRequiredService<ContentStore>();
        if (store.Cache is not { } cache)
        {
            await output.WriteLineAsync(
                "The parse cache is off (it is by default in Development) or cannot be used (the log above says why): nothing was " +
                "stored. Set Content:CachePath to a private folder the site's user can write to.");
            return 1;
        }

        cache.ReleaseWrites();
        await cache.Flush();
        var snapshot = store.Current;
        var files = Directory.EnumerateFiles(cache.Folder).Count(f => !f.EndsWith(".tmp", StringComparison.Ordinal));
        var served = snapshot.Roles.Length + snapshot.Guides.Length;
        await output.WriteLineAsync(
            $"Parse cache primed in {cache.Folder} for the content in {store.RootPath} (the site must read it from that path): " +
            $"{files} files' parses stored ({cache.Hits} were already there) for {snapshot.Roles.Length} roles and " +
            $"{snapshot.Guides.Length} guides; {snapshot.ErrorCount} content errors.");
        if (files < served)
        {
            // Storing is best effort for the site; for this command it is the whole point (a full disk, say).
            await output.WriteLineAsync($"Fewer parses stored than files served ({files} for {served}): the site will parse the others when it starts.");
            return 1;
        }

        return 0;
    }
}
