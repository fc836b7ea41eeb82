namespace CareerGuides.Content.Tests;

/// <summary>A content folder in a temporary directory, deleted when disposed.</summary>
public sealed class TempContent : IDisposable
{
    public TempContent()
    {
        Root = Path.Combine(Path.GetTempPath(), "careerguides-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(Path.Combine(Root, "roles"));
        Directory.CreateDirectory(Path.Combine(Root, "guides"));
    }

    public string Root { get; }

    /// <summary>Writes a file under the root (path with forward slashes) and returns this folder.</summary>
    public TempContent Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <summary>A folder with two valid roles and a valid guide between them.</summary>
    public static TempContent WithValidPair() => new TempContent()
        .Write("roles/data-scientist.md", Samples.Role("Data Scientist"))
        .Write("roles/backend-developer.md", Samples.Role("Backend Developer", entry: (26000, 38000), mid: (42000, 65000), senior: (70000, 110000)))
        .Write("guides/data-scientist-to-backend-developer.md", Samples.Guide("data-scientist", "backend-developer"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the OS cleans its temp directory.
        }
    }
}
