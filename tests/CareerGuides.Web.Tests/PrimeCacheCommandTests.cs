using CareerGuides.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace CareerGuides.Web.Tests;

/// <summary>
/// <c>CareerGuides.Web prime-cache</c> stores every file's parse ahead of the site's first start (an image build, say):
/// the site then parses nothing and serves the same pages; with the cache off it says so and fails.
/// </summary>
public sealed class PrimeCacheCommandTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "careerguides-web-tests", "prime-" + Guid.NewGuid().ToString("n"));

    private static readonly int ContentFiles = Directory.EnumerateFiles(Testing.RepositoryPaths.Content, "*.md", SearchOption.AllDirectories).Count();

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> PrimeAsync(string cachePath)
    {
        using var output = new StringWriter();
        var exitCode = await PrimeCacheCommand.RunAsync(
            [PrimeCacheCommand.Name, $"--Content:Path={Testing.RepositoryPaths.Content}", $"--Content:CachePath={cachePath}"], output);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task A_site_started_after_priming_parses_nothing_and_serves_the_same_pages()
    {
        var (exitCode, output) = await PrimeAsync(_cache);

        Assert.Equal(0, exitCode);
        Assert.Contains($"for the content in {Testing.RepositoryPaths.Content} ", output, StringComparison.Ordinal);
        Assert.Contains($": {ContentFiles} files' parses stored (0 were already there)", output, StringComparison.Ordinal);
        Assert.Contains("; 0 content errors.", output, StringComparison.Ordinal);

        await using var primed = new SiteFactory(Testing.RepositoryPaths.Content, "Production", new Dictionary<string, string> { ["Content:CachePath"] = _cache });
        await using var plain = new SiteFactory(Testing.RepositoryPaths.Content, "Production");
        using var primedClient = primed.CreateClient();
        using var plainClient = plain.CreateClient();
        Assert.Equal(ContentFiles, primed.Services.GetRequiredService<ContentStore>().Cache!.Hits);
        foreach (var path in new[] { "/", "/roles/data-scientist", "/guides/data-scientist-to-backend-developer", "/sitemap.xml" })
        {
            Assert.Equal(
                await plainClient.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken),
                await primedClient.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken));
        }

        // The site tidies its cache folder in the background after loading; let that finish before the folder is deleted.
        await primed.Services.GetRequiredService<ContentStore>().Cache!.Flush();
    }

    [Fact]
    public async Task Priming_again_finds_every_parse_already_stored()
    {
        Assert.Equal(0, (await PrimeAsync(_cache)).ExitCode);

        var (exitCode, output) = await PrimeAsync(_cache);

        Assert.Equal(0, exitCode);
        Assert.Contains($": {ContentFiles} files' parses stored ({ContentFiles} were already there)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_cache_off_priming_fails_and_says_how_to_turn_it_on()
    {
        var (exitCode, output) = await PrimeAsync("");

        Assert.Equal(1, exitCode);
        Assert.Contains("The parse cache is off (it is by default in Development) or cannot be used", output, StringComparison.Ordinal);
        Assert.Contains("Content:CachePath", output, StringComparison.Ordinal);
    }
}
