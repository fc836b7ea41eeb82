namespace CareerGuides.Testing;

/// <summary>Paths in the repository, found by walking up from the test binaries. Linked into each test project.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding CareerGuides.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The bundled content/ folder.</summary>
    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareerGuides.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository root (CareerGuides.sln) above " + AppContext.BaseDirectory);
    }
}
