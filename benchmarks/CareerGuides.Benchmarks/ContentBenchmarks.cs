using BenchmarkDotNet.Attributes;
using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Loading;
using CareerGuides.Synthetic;

namespace CareerGuides.Benchmarks;

/// <summary>Load-time work: parsing one guide, building a whole snapshot, and an incremental rebuild after one save.</summary>
[MemoryDiagnoser]
public class ContentBenchmarks
{
    private string _root = "";
    private string _guidePath = "";
    private string _guideText = "";
    private string _guideTextEdited = "";
    private ContentBuilder _builder = null!;
    private bool _edited;
    private string _cacheRoot = "";

    [Params(1000)]
    public int Guides { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "careerguides-bench", Guid.NewGuid().ToString("n"));
        SyntheticContent.Write(_root, roleCount: 100, guideCount: Guides);
        _guidePath = Directory.GetFiles(Path.Combine(_root, "guides"))[0];
        _guideText = File.ReadAllText(_guidePath);
        _guideTextEdited = _guideText.Replace("difficulty:", "review_by: 2099-01-01\ndifficulty:", StringComparison.Ordinal);
        _builder = new ContentBuilder(_root, TimeProvider.System, includeUnpublished: false);
        _builder.Build();

        // A parse cache holding every file, as a restart of the same build finds it.
        _cacheRoot = _root + "-cache";
        var cache = new ParseCache(_cacheRoot, _root);
        cache.Open();
        new ContentBuilder(_root, TimeProvider.System, includeUnpublished: false, cache: cache).Build();
        cache.Flush().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_cacheRoot, recursive: true);
    }

    [Benchmark(Description = "Parse and render one guide file")]
    public ParsedGuide? ParseOneGuide() =>
        GuideReader.Parse("guides/x.md", _guideText, new DateOnly(2026, 11, 24), new DiagnosticBag("guides/x.md"));

    [Benchmark(Description = "Build a snapshot from the whole folder")]
    public ContentSnapshot BuildSnapshot() => new ContentBuilder(_root, TimeProvider.System, includeUnpublished: false).Build().Snapshot;

    [Benchmark(Description = "Build a snapshot from the whole folder, restarted over the parse cache")]
    public ContentSnapshot BuildSnapshotFromCache()
    {
        var cache = new ParseCache(_cacheRoot, _root);
        cache.Open();
        return new ContentBuilder(_root, TimeProvider.System, includeUnpublished: false, cache: cache).Build().Snapshot;
    }

    [Benchmark(Description = "Incremental rebuild after one saved file")]
    public ContentSnapshot RebuildAfterOneSave()
    {
        _edited = !_edited;
        File.WriteAllText(_guidePath, _edited ? _guideTextEdited : _guideText);
        return _builder.Build([_guidePath]).Snapshot;
    }
}
