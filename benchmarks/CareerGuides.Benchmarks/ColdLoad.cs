using System.Diagnostics;
using System.Globalization;
using CareerGuides.Content.Loading;

namespace CareerGuides.Benchmarks;

/// <summary>
/// "load --content DIR": one full load of a content folder, as the site's first start does it with the parse cache
/// off (<c>Content__CachePath=</c>; with an empty cache the site also looks for each file's entry and holds the new
/// entries until its first answer), in this process, which has done nothing before it. Prints where the time went
/// and what the runtime did meanwhile (collections and their pauses, allocation, JIT compilation, peak resident
/// memory). Run it published with ReadyToRun, in a new process each time (benchmarks/load-bench.sh does both), so
/// that it measures a cold start's load and not a warm loop.
/// </summary>
public static class ColdLoad
{
    public static int Run(string contentRoot)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var builder = new ContentBuilder(contentRoot, TimeProvider.System, includeUnpublished: false, SitePaths.Reserved);
        var result = builder.Build();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var snapshot = result.Snapshot;
        var (read, link, snapshotPhase) = result.Phases;
        static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load {Ms(result.Duration)} ms (reading and parsing {Ms(read)}, linking {Ms(link)}, building the snapshot {Ms(snapshotPhase)}); " +
            $"{snapshot.Guides.Length} guides, {snapshot.Roles.Length} roles, {result.FilesWithErrors} files with errors; " +
            $"CPU {Ms(cpu)} ms; collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen0/1/2), " +
            $"paused {Ms(GC.GetTotalPauseDuration())} ms; allocated {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MB; " +
            $"JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {Ms(System.Runtime.JitInfo.GetCompilationTime())} ms; " +
            $"peak resident memory {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB; " +
            $"live heap after {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024)} MB"));

        // The site keeps its builder (it holds every file's last good parse for the next reload): so does the figure above.
        GC.KeepAlive(builder);
        return result.FilesWithErrors == 0 ? 0 : 1;
    }
}
