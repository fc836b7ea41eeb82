using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Loading;
using CareerGuides.Synthetic;

namespace CareerGuides.Content.Tests;

/// <summary>
/// The synthetic generator writes valid content of realistic size, deterministically, and the loader handles a
/// large catalogue: every file published, every index complete. (Speed is measured by the benchmarks, not here.)
/// </summary>
public sealed class ScaleTests
{
    [Fact]
    public void Generated_content_is_valid_and_fully_indexed()
    {
        using var content = new TempContent();
        SyntheticContent.Write(content.Root, roleCount: 60, guideCount: 1500);

        var snapshot = new ContentLoader().Load(content.Root).Snapshot;

        Assert.True(snapshot.Diagnostics.IsEmpty, string.Join("\n", snapshot.Diagnostics.Take(10)));
        Assert.Equal(60, snapshot.Roles.Length);
        Assert.Equal(1500, snapshot.Guides.Length);
        Assert.Equal(1500, snapshot.Roles.Sum(r => snapshot.GuidesFrom(r.Slug).Length));
        Assert.Equal(1500, snapshot.Roles.Sum(r => snapshot.GuidesInto(r.Slug).Length));
        Assert.Equal(1500, snapshot.Guides.Select(g => g.Summary).Distinct().Count());
    }

    [Fact]
    public void Generation_is_deterministic_and_guides_are_realistically_sized()
    {
        using var first = new TempContent();
        using var second = new TempContent();
        SyntheticContent.Write(first.Root, roleCount: 12, guideCount: 100, seed: 7);
        SyntheticContent.Write(second.Root, roleCount: 12, guideCount: 100, seed: 7);

        var files = Directory.GetFiles(first.Root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(112, files.Length);
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(f), File.ReadAllBytes(f.Replace(first.Root, second.Root, StringComparison.Ordinal))));
        var guideSizes = Directory.GetFiles(Path.Combine(first.Root, "guides")).Select(f => new FileInfo(f).Length).ToArray();
        Assert.InRange(guideSizes.Average(), 7_000, 10_500); // the bundled guides are 7.6 to 9.6 KB
    }

    [Fact]
    public void A_different_seed_writes_different_text()
    {
        using var first = new TempContent();
        using var second = new TempContent();
        SyntheticContent.Write(first.Root, 5, 10, seed: 1);
        SyntheticContent.Write(second.Root, 5, 10, seed: 2);

        var name = Directory.GetFiles(Path.Combine(first.Root, "guides"))[0];
        Assert.NotEqual(File.ReadAllText(name), File.ReadAllText(name.Replace(first.Root, second.Root, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_large_catalogue_linked_in_parallel_reports_each_guide_a_missing_role_breaks_the_same_way_on_every_load()
    {
        using var content = new TempContent();
        SyntheticContent.Write(content.Root, roleCount: 40, guideCount: 1200, seed: 5);

        // Without its role file, every guide from or to that role fails when guides are linked to their roles.
        var guides = Directory.GetFiles(Path.Combine(content.Root, "guides")).Select(Path.GetFileName).ToArray();
        var role = guides[0]!.Split("-to-")[0];
        File.Delete(Path.Combine(content.Root, "roles", role + ".md"));
        var broken = guides.Where(g => g!.StartsWith(role + "-to-", StringComparison.Ordinal) || g.EndsWith("-to-" + role + ".md", StringComparison.Ordinal))
            .Select(g => "guides/" + g).Order(StringComparer.Ordinal).ToArray();

        var first = new ContentLoader().Load(content.Root).Snapshot;
        var second = new ContentLoader().Load(content.Root).Snapshot;

        Assert.True(broken.Length > 10, $"{broken.Length} guides use '{role}'");
        Assert.Equal(1200 - broken.Length, first.Guides.Length);
        var errors = first.Diagnostics.Where(d => d.IsError).ToArray();
        Assert.Equal(broken, errors.Select(d => d.Path).Distinct().Order(StringComparer.Ordinal));
        Assert.All(errors, d => Assert.Equal(DiagnosticCodes.UnknownRole, d.Code));
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(first.Guides.Select(g => g.Slug), second.Guides.Select(g => g.Slug));
    }

    [Theory]
    [InlineData(5, 5, false)]
    [InlineData(6, 6, false)]
    [InlineData(7, 6, true)]
    public void The_home_page_preview_of_a_role_holds_its_first_six_guides(int guides, int previewed, bool more)
    {
        var snapshot = new ContentLoader().Load(RepositoryPaths.Content).Snapshot;
        var all = snapshot.Guides;
        Assert.True(all.Length >= 7);

        var group = new RoleGuides(all[0].From, all[..guides]);

        Assert.Equal(all[..previewed], group.Preview);
        Assert.Equal(more, group.HasMore);
    }
}
