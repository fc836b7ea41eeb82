using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Loading;

namespace CareerGuides.Content.Tests;

/// <summary>Helpers to load a temporary content folder and find its diagnostics.</summary>
public abstract class LoaderTestBase : IDisposable
{
    protected TempContent Content { get; } = TempContent.WithValidPair();

    protected LoadResult Load() => new ContentLoader().Load(Content.Root);

    /// <summary>
    /// Loads and returns the only diagnostic (of one file, if given), failing with the whole list if there is not
    /// exactly one.
    /// </summary>
    protected Diagnostic SingleDiagnostic(string? path = null)
    {
        var diagnostics = Load().Snapshot.Diagnostics.Where(d => path is null || d.Path == path).ToArray();
        Assert.True(diagnostics.Length == 1, "Expected one diagnostic, got:\n" + string.Join("\n", diagnostics));
        return diagnostics[0];
    }

    protected void WriteGuide(Func<string, string> change) =>
        Content.Write("guides/data-scientist-to-backend-developer.md", change(Samples.Guide("data-scientist", "backend-developer")));

    protected void WriteRole(Func<string, string> change) =>
        Content.Write("roles/data-scientist.md", change(Samples.Role("Data Scientist")));

    public void Dispose()
    {
        Content.Dispose();
        GC.SuppressFinalize(this);
    }
}
