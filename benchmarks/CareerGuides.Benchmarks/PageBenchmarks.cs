using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace CareerGuides.Benchmarks;

/// <summary>
/// A guide page through the whole ASP.NET Core pipeline, in memory (TestServer, so no sockets): rendered from the
/// snapshot (output cache emptied first, on a site with the fast path off, which would otherwise answer it), and
/// answered from the site's caches as it runs by default. Allocations include the in-memory client's; for the
/// server's alone see <see cref="KestrelPageBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class PageBenchmarks
{
    private const string GuidePath = "/guides/data-scientist-to-backend-developer";
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;
    private WebApplicationFactory<Program> _renderFactory = null!;
    private HttpClient _renderClient = null!;
    private IOutputCacheStore _renderCache = null!;

    [GlobalSetup]
    public void Setup()
    {
        WebApplicationFactory<Program> Site(string fastPathMegabytes) => new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("Content:Watch", "false")
            .UseSetting("Serilog:MinimumLevel:Default", "Warning")
            .UseSetting("Security:RateLimit:Enabled", "false")
            .UseSetting("Performance:FastPathMegabytes", fastPathMegabytes));
        _factory = Site("32");
        _client = _factory.CreateClient();
        _renderFactory = Site("0");
        _renderClient = _renderFactory.CreateClient();
        _renderCache = _renderFactory.Services.GetRequiredService<IOutputCacheStore>();
        _client.GetAsync(new Uri(GuidePath, UriKind.Relative)).GetAwaiter().GetResult().EnsureSuccessStatusCode();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _factory.Dispose();
        _renderClient.Dispose();
        _renderFactory.Dispose();
    }

    [Benchmark(Description = "Render a guide page (cache emptied first)")]
    public async Task<int> RenderGuidePage()
    {
        await _renderCache.EvictByTagAsync("content", default);
        using var response = await _renderClient.GetAsync(new Uri(GuidePath, UriKind.Relative));
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [Benchmark(Baseline = true, Description = "Serve a cached guide page")]
    public async Task<int> CachedGuidePage()
    {
        using var response = await _client.GetAsync(new Uri(GuidePath, UriKind.Relative));
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }
}
