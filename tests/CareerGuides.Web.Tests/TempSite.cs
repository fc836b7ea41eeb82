using CareerGuides.Content.Loading;
using CareerGuides.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace CareerGuides.Web.Tests;

/// <summary>
/// A copy of the bundled content in a temporary folder, served by its own site, so tests can change files.
/// Deleted when disposed.
/// </summary>
public sealed class TempSite : IAsyncDisposable
{
    private TempSite(string root, SiteFactory site)
    {
        Root = root;
        Site = site;
    }

    public string Root { get; }

    public SiteFactory Site { get; }

    public ContentStore Store => Site.Services.GetRequiredService<ContentStore>();

    /// <summary>Copies the bundled content and starts a site over it (with the watcher on when <paramref name="watch"/>).</summary>
    public static TempSite Start(string environment = "Production", bool watch = false, Action<string>? prepare = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "careerguides-web-tests", Guid.NewGuid().ToString("n"));
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Content, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(RepositoryPaths.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        prepare?.Invoke(root);
        var settings = new Dictionary<string, string>
        {
            ["Content:Watch"] = watch ? "true" : "false",
        };
        var site = new SiteFactory(root, environment, settings);
        _ = site.Server; // start now, so the watcher is running before a test changes files
        return new TempSite(root, site);
    }

    public string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Write(string relative, string text) => File.WriteAllText(PathOf(relative), text);

    /// <summary>
    /// Makes a change and waits, at most 10 seconds, for a reload whose snapshot satisfies <paramref name="until"/>.
    /// </summary>
    public async Task<ContentSnapshot> ChangeAndWaitAsync(Action change, Func<ContentSnapshot, bool> until)
    {
        var reloaded = new TaskCompletionSource<ContentSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnReloaded(object? sender, ContentSnapshot snapshot)
        {
            if (until(snapshot))
            {
                reloaded.TrySetResult(snapshot);
            }
        }

        Store.Reloaded += OnReloaded;
        try
        {
            change();
            return await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
        finally
        {
            Store.Reloaded -= OnReloaded;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }
}
