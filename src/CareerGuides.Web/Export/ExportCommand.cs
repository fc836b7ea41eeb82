using CareerGuides.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.OutputCaching;

namespace CareerGuides.Web.Export;

/// <summary>
/// <c>CareerGuides.Web export &lt;dir&gt; [configuration...]</c>: starts the real site on a free loopback port
/// (Kestrel, 127.0.0.1:0, content watcher off), fetches every public URL and writes the static site into the folder.
/// Other arguments are configuration, as for the site (<c>--Site:BaseUrl=https://...</c>, <c>--Content:Path=...</c>,
/// <c>--Export:Precompress=false</c> to skip the .br and .gz files).
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
            return await ExportAsync(directory, args[2..], output);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"export failed: {e}");
            return 1;
        }
    }

    private static async Task<int> ExportAsync(string directory, string[] configurationArgs, TextWriter output)
    {
        await using var app = Build(configurationArgs);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            var precompress = app.Configuration.GetValue("Export:Precompress", defaultValue: true);
            var result = await new StaticExporter(app.Services, client, precompress).ExportAsync(directory);
            await output.WriteLineAsync(
                $"Exported to {directory}: {result.Rendered} URLs rendered, {result.Written} files written, {result.Unchanged} unchanged, " +
                $"{result.Deleted} removed, {result.Redirects} redirects; {result.Elapsed.TotalSeconds:0.00} s");
            return 0;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>The site exactly as it serves, on a loopback port, without the watcher, and without keeping rendered pages in memory.</summary>
    public static WebApplication Build(string[] configurationArgs)
    {
        // The application name finds the Razor pages and the static assets' manifest whichever process hosts the export.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = configurationArgs,
            ApplicationName = typeof(ExportCommand).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Content:Watch"] = "false",
            ["RateLimiting:Enabled"] = "false",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddSiteLogging().AddContent().AddSiteServices();

        // Every page is fetched once: caching it would only cost memory.
        builder.Services.Configure<OutputCacheOptions>(o => o.SizeLimit = 1);
        var app = builder.Build();
        app.UseSite();
        return app;
    }
}
