using System.Runtime.CompilerServices;
using CareerGuides.Content.Loading;
using CareerGuides.Web.Seo;
using Microsoft.Extensions.DependencyInjection;

namespace CareerGuides.Web.Tests.Seo;

/// <summary>
/// After a reload, the SEO data of pages whose content did not change is carried over from the previous snapshot's:
/// it must be exactly what a build from scratch gives, and must not keep old snapshots alive.
/// </summary>
public sealed class IncrementalSeoTests
{
    private const string Changed = "guides/data-scientist-to-backend-developer.md";

    [Fact]
    public async Task Seo_data_after_a_reload_equals_a_build_from_scratch_page_for_page()
    {
        await using var site = TempSite.Start();
        var catalog = site.Site.Services.GetRequiredService<SeoCatalog>();
        var before = catalog.Current;

        site.Write(Changed, site.Read(Changed).Replace("summary: \"", "summary: \"Freshly edited. ", StringComparison.Ordinal));
        var snapshot = site.Store.Reload([site.PathOf(Changed)]).Snapshot;
        var incremental = catalog.For(snapshot);
        var fresh = SiteSeo.Build(snapshot, catalog.Site);

        Assert.Equal(fresh.Pages.Select(p => p.Path), incremental.Pages.Select(p => p.Path));
        foreach (var (expected, actual) in fresh.Pages.Zip(incremental.Pages))
        {
            Assert.Equal(expected.ETag, actual.ETag);
            Assert.Equal(expected.LastModified, actual.LastModified);
            Assert.Equal(expected.CanonicalUrl, actual.CanonicalUrl);
            Assert.Equal(expected.Breadcrumbs, actual.Breadcrumbs);
            Assert.Equal(expected.Article, actual.Article);
            Assert.Equal(expected.BuildJsonLd(), actual.BuildJsonLd());
        }

        // Every page has the new version's ETag; the edited guide's structured data has its new summary.
        Assert.All(incremental.Pages, p => Assert.NotEqual(before.Find(p.Path)?.ETag, p.ETag));
        var edited = (SeoPage)incremental.Find("/guides/data-scientist-to-backend-developer")!;
        Assert.Contains(edited.BuildJsonLd(), json => json.Contains("Freshly edited.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_guide_page_has_its_own_guides_dates_and_canonical_url()
    {
        // Dates are shared between guides that have the same ones: each page must still carry its own guide's.
        await using var site = TempSite.Start();
        var catalog = site.Site.Services.GetRequiredService<SeoCatalog>();
        var guides = catalog.Current.Pages.Where(p => p.Kind == PageKind.Guide).ToArray();

        Assert.NotEmpty(guides);
        Assert.True(guides.Select(p => p.Source!.Guide!.Published).Distinct().Count() > 1, "the bundled guides have different dates");
        Assert.All(guides, page =>
        {
            var guide = page.Source!.Guide!;
            Assert.Equal(guide.Published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), page.Article!.Published);
            Assert.Equal(guide.Updated.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), page.Article.Modified);
            Assert.Equal(catalog.Site.BaseUrl + guide.Url, page.CanonicalUrl);
        });
    }

    [Theory]
    [InlineData("/guides/data-scientist-to-backend-developer", "/guides/data-scientist-to-backend-developer")]
    [InlineData("/", "/")]
    [InlineData("/Roles//Teacher/", "/roles/teacher")]
    public void A_path_is_normalised_to_lower_case_single_slashes_and_no_trailing_slash(string path, string normalised)
    {
        Assert.Equal(normalised, SiteSeo.Normalise(path));
    }

    [Fact]
    public async Task Old_snapshots_are_not_kept_alive_by_the_seo_data_of_later_ones()
    {
        await using var site = TempSite.Start();
        var catalog = site.Site.Services.GetRequiredService<SeoCatalog>();
        var first = ReloadAndForget(site, catalog, "First edit.");
        for (var i = 0; i < 3; i++)
        {
            ReloadAndForget(site, catalog, $"Edit {i}.");
        }

        // Each reload also prepares its search index on a thread-pool thread, whose queued work holds its snapshot
        // until it has run; on a busy test run that can take a moment, so the collections are spread over up to 2 s.
        for (var i = 0; i < 40 && IsAlive(first); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.False(IsAlive(first), "A snapshot three reloads old is still reachable.");
    }

    /// <summary>Edits a guide, reloads, builds the SEO data of the new snapshot and returns a weak reference to that snapshot.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<ContentSnapshot> ReloadAndForget(TempSite site, SeoCatalog catalog, string summary)
    {
        site.Write(Changed, site.Read(Changed).Replace("summary: \"", $"summary: \"{summary} ", StringComparison.Ordinal));
        var snapshot = site.Store.Reload([site.PathOf(Changed)]).Snapshot;
        _ = catalog.For(snapshot).Pages.Length;
        _ = snapshot.Search.Count;
        return new WeakReference<ContentSnapshot>(snapshot);
    }

    /// <summary>Asks in a frame of its own: a target fetched here is not kept alive on the caller's stack.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsAlive(WeakReference<ContentSnapshot> reference) => reference.TryGetTarget(out _);
}
