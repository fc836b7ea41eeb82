using CareerGuides.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace CareerGuides.Web.Tests;

/// <summary>
/// The site with a parse cache (Content:CachePath): a restart over the same content takes every file from the cache
/// and serves the same pages, byte for byte; a cache folder it cannot use leaves the site starting as without one.
/// </summary>
public sealed class ParseCacheSiteTests : IDisposable
{
    private static readonly string[] Paths =
    [
        "/", "/roles", "/roles/data-scientist", "/guides/data-scientist-to-backend-developer", "/sitemap.xml", "/search?q=python",
    ];

    private readonly string _cache = Path.Combine(Path.GetTempPath(), "careerguides-web-tests", "cache-" + Guid.NewGuid().ToString("n"));

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private static SiteFactory Site(string cachePath) =>
        new(null, "Production", new Dictionary<string, string> { ["Content:CachePath"] = cachePath });

    private static async Task<List<string>> PagesAsync(SiteFactory site)
    {
        using var client = site.CreateClient();
        var pages = new List<string>();
        foreach (var path in Paths)
        {
            pages.Add(await client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken));
        }

        return pages;
    }

    [Fact]
    public async Task A_restarted_site_reads_every_file_from_the_cache_and_serves_the_same_pages()
    {
        List<string> first;
        await using (var site = Site(_cache))
        {
            first = await PagesAsync(site);
            var store = site.Services.GetRequiredService<ContentStore>();
            Assert.NotNull(store.Cache);
            Assert.Equal(0, store.Cache.Hits);
            await store.Cache.Flush();
        }

        await using var restarted = Site(_cache);
        var again = await PagesAsync(restarted);

        var files = Directory.EnumerateFiles(Testing.RepositoryPaths.Content, "*.md", SearchOption.AllDirectories).Count();
        Assert.Equal(files, restarted.Services.GetRequiredService<ContentStore>().Cache!.Hits);
        Assert.Equal(first, again);

        // The restarted site tidies its cache folder in the background; let that finish before the folder is deleted.
        await restarted.Services.GetRequiredService<ContentStore>().Cache!.Flush();
    }

    [Fact]
    public async Task A_cache_folder_that_cannot_be_used_leaves_the_site_serving_as_without_one()
    {
        Directory.CreateDirectory(_cache);
        var blocker = Path.Combine(_cache, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder", TestContext.Current.CancellationToken);

        await using var site = Site(Path.Combine(blocker, "cache"));
        var pages = await PagesAsync(site);

        Assert.Null(site.Services.GetRequiredService<ContentStore>().Cache);
        Assert.All(pages, page => Assert.False(string.IsNullOrEmpty(page)));
        await using var plain = Site("");
        Assert.Equal(await PagesAsync(plain), pages);
        Assert.Null(plain.Services.GetRequiredService<ContentStore>().Cache);
    }
}
