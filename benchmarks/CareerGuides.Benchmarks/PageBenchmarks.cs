using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace CareerGuides.Benchmarks;

/// <summary>
/// A guide page through the whole ASP.NET Core pipeline, in memory (TestServer, so no sockets): rendered from the
/// snapshot (cache emptied first), and answered from the output cache. Allocations include the in-memory client's.
/// </summary>
[MemoryDiagnoser]
public class PageBenchmarks
{
    private const string GuidePath = "/guides/data-scientist-to-backend-developer";
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;
    private IOutputCacheStore _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("Content:Watch", "false")
            .UseSetting("Serilog:MinimumLevel:Default", "Warning")
            .UseSetting("Security:RateLimit:Enabled", "false"));
        _client = _factory.CreateClient();
        _cache = _factory.Services.GetRequiredService<IOutputCacheStore>();
        _client.GetAsync(new Uri(GuidePath, UriKind.Relative)).GetAwaiter().GetResult().EnsureSuccessStatusCode();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Benchmark(Description = "Render a guide page (cache emptied first)")]
    public async Task<int> RenderGuidePage()
    {
        await _cache.EvictByTagAsync("content", default);
        using var response = await _client.GetAsync(new Uri(GuidePath, UriKind.Relative));
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [Benchmark(Baseline = true, Description = "Serve a cached guide page")]
    public async Task<int> CachedGuidePage()
    {
        using var response = await _client.GetAsync(new Uri(GuidePath, UriKind.Relative));
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }
}
