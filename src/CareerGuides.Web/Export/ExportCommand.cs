using System.Security.Cryptography;
using System.Text;
using CareerGuides.Web.Content;
using CareerGuides.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.OutputCaching;

namespace CareerGuides.Web.Export;

/// <summary>
/// <c>CareerGuides.Web export &lt;dir&gt; [configuration...]</c>: starts the real site in process (no socket, content
/// watcher off), renders every public URL through its request pipeline and writes the static site into
/// <c>&lt;dir&gt;/public</c>, with the nginx redirect map and the export's manifest beside it. Other arguments are
/// configuration, as for the site (<c>--Site:BaseUrl=https://...</c>, <c>--Content:Path=...</c>,
/// <c>--Export:Precompress=false</c> to skip the .br and .gz files, <c>--Export:BrotliQuality</c>,
/// <c>--Export:GzipLevel</c>, <c>--Export:Parallelism</c>).
/// </summary>
public static class ExportCommand
{
    public const string Name = "export";

    public static bool IsExport(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Runs the export; returns the process exit code (0 done, 1 failed, 2 usage).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            await output.WriteLineAsync("usage: CareerGuides.Web export <dir> [--Site:BaseUrl=https://...] [--Content:Path=...]");
            return 2;
        }

        var directory = Path.GetFullPath(args[1]);
        try
        {
            var result = await ExportAsync(directory, args[2..]);
            await output.WriteLineAsync($"Exported to {directory}: {result.Summary}");
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"export failed: {e}");
            return 1;
        }
    }

    /// <summary>Starts the site in process, exports it into <paramref name="directory"/> and stops it.</summary>
    internal static async Task<ExportResult> ExportAsync(string directory, string[] configurationArgs, CancellationToken cancellation = default)
    {
        await using var app = Build(configurationArgs);
        await app.StartAsync(cancellation);

        // No first answer to protect here: the load's parses are stored while the export runs, and kept (below).
        var cache = app.Services.GetRequiredService<ContentStore>().Cache;
        cache?.ReleaseWrites();
        try
        {
            var configuration = app.Configuration;
            var settings = new ExportSettings(
                Precompress: configuration.GetValue("Export:Precompress", defaultValue: true),
                BrotliQuality: Math.Clamp(configuration.GetValue("Export:BrotliQuality", defaultValue: 5), 0, 11),
                GzipLevel: Math.Clamp(configuration.GetValue("Export:GzipLevel", defaultValue: 6), 1, 9),
                Parallelism: configuration.GetValue("Export:Parallelism", defaultValue: 0),
                BuildInputs: RoutesHash(app));
            var server = (InProcessServer)app.Services.GetRequiredService<IServer>();
            return await new StaticExporter(app.Services, server, settings).ExportAsync(directory, cancellation);
        }
        finally
        {
            if (cache is not null)
            {
                await cache.Flush();
            }

            await app.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The site exactly as it serves, with an in-process server instead of Kestrel, without the watcher, and without
    /// the output cache (every page is rendered once: keeping it would only cost time and memory).
    /// </summary>
    internal static WebApplication Build(string[] configurationArgs)
    {
        var builder = SiteExtensions.CreateCommandBuilder(configurationArgs, new Dictionary<string, string?> { ["Security:RateLimit:Enabled"] = "false" });
        builder.AddSiteLogging().AddContent().AddSiteServices();
        builder.Services.AddSingleton<IServer, InProcessServer>();
        builder.Services.Configure<OutputCacheOptions>(o => o.AddBasePolicy(new NoOutputCache()));
        var app = builder.Build();
        app.UseSite();
        return app;
    }

    /// <summary>
    /// A hash of every route the site maps: the static assets' routes carry their content fingerprints
    /// (<c>css/site.&lt;hash&gt;.css</c>), which pages link to, so a changed stylesheet changes every page.
    /// </summary>
    private static string RoutesHash(WebApplication app)
    {
        var routes = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(endpoint => endpoint.RoutePattern.RawText ?? endpoint.DisplayName ?? "")
            .Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', routes))));
    }

    /// <summary>Runs after the site's page cache policy and turns the output cache off for the export's requests.</summary>
    private sealed class NoOutputCache : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.EnableOutputCaching = false;
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
