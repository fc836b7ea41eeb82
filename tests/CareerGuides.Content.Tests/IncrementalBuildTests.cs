using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Loading;

namespace CareerGuides.Content.Tests;

/// <summary>Rebuilding after a change reads only what changed and never loses a good page to a bad save.</summary>
public sealed class IncrementalBuildTests : LoaderTestBase
{
    private const string GuidePath = "guides/data-scientist-to-backend-developer.md";

    private ContentBuilder NewBuilder() => new(Content.Root, TimeProvider.System, includeUnpublished: false);

    [Fact]
    public void A_rebuild_reads_only_the_changed_file()
    {
        var builder = NewBuilder();
        Assert.Equal(3, builder.Build().FilesRead);

        WriteGuide(t => t.Replace("difficulty: moderate", "difficulty: challenging"));
        var result = builder.Build([Path.Combine(Content.Root, GuidePath)]);

        Assert.True(result.Incremental);
        Assert.Equal(1, result.FilesRead);
        Assert.Equal(CareerGuides.Content.Model.Difficulty.Challenging, result.Snapshot.Guides[0].Difficulty);
    }

    [Fact]
    public void A_load_reports_how_long_each_of_its_parts_took_full_or_incremental()
    {
        var builder = NewBuilder();
        var full = builder.Build();
        WriteGuide(t => t.Replace("difficulty: moderate", "difficulty: challenging"));
        var incremental = builder.Build([GuidePath]);

        foreach (var result in new[] { full, incremental })
        {
            // Each part is timed (the default is zero), and they are parts of the load's own duration.
            var (read, link, snapshot) = result.Phases;
            Assert.True(read > TimeSpan.Zero && link > TimeSpan.Zero && snapshot > TimeSpan.Zero, $"{read}, {link}, {snapshot}");
            Assert.True(read + link + snapshot <= result.Duration, $"{read} + {link} + {snapshot} > {result.Duration}");
        }
    }

    [Fact]
    public void Guides_and_roles_carry_the_hash_of_the_text_they_were_read_from()
    {
        static string Sha256(string path) =>
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

        var builder = NewBuilder();
        var before = builder.Build().Snapshot;
        Assert.Equal(Sha256(Path.Combine(Content.Root, GuidePath)), before.Guides[0].SourceHash);
        Assert.Equal(Sha256(Path.Combine(Content.Root, "roles/data-scientist.md")), before.FindRole("data-scientist")!.SourceHash);

        WriteGuide(t => t.Replace("difficulty: moderate", "difficulty: challenging"));
        var after = builder.Build([GuidePath]).Snapshot;

        Assert.Equal(Sha256(Path.Combine(Content.Root, GuidePath)), after.Guides[0].SourceHash);
        Assert.NotEqual(before.Guides[0].SourceHash, after.Guides[0].SourceHash);
        Assert.Equal(before.FindRole("data-scientist")!.SourceHash, after.FindRole("data-scientist")!.SourceHash);
    }

    [Fact]
    public void A_rebuild_relinks_only_the_guides_a_change_touches()
    {
        Content.Write("roles/teacher.md", Samples.Role("Teacher"))
            .Write("guides/teacher-to-backend-developer.md", Samples.Guide("teacher", "backend-developer"));
        var builder = NewBuilder();
        var before = builder.Build().Snapshot;

        // A change to one guide: the other guide is the very same object, the changed one is new.
        WriteGuide(t => t.Replace("difficulty: moderate", "difficulty: challenging"));
        var afterGuide = builder.Build([GuidePath]).Snapshot;
        Assert.Same(before.FindGuide("teacher-to-backend-developer"), afterGuide.FindGuide("teacher-to-backend-developer"));
        Assert.NotSame(before.FindGuide("data-scientist-to-backend-developer"), afterGuide.FindGuide("data-scientist-to-backend-developer"));

        // A change to a role: only the guide from that role is relinked, and it shows the role's new version.
        WriteRole(t => t.Replace("sector: Technology", "sector: Data"));
        var afterRole = builder.Build(["roles/data-scientist.md"]).Snapshot;
        Assert.Same(afterGuide.FindGuide("teacher-to-backend-developer"), afterRole.FindGuide("teacher-to-backend-developer"));
        Assert.Equal("Data", afterRole.FindGuide("data-scientist-to-backend-developer")!.From.Sector);
        Assert.Same(afterRole.FindRole("data-scientist"), afterRole.FindGuide("data-scientist-to-backend-developer")!.From);
    }

    [Fact]
    public void Search_after_a_rebuild_finds_the_changed_guide_by_its_new_words_only()
    {
        var builder = NewBuilder();
        var before = builder.Build().Snapshot;
        Assert.Empty(before.Search.Search("zymurgy").Hits);

        WriteGuide(t => t.Replace("summary: ", "summary: Zymurgy aside, "));
        var after = builder.Build([GuidePath]).Snapshot;

        Assert.Equal(["/guides/data-scientist-to-backend-developer"], after.Search.Search("zymurgy").Hits.Select(h => h.Url));
        Assert.Empty(before.Search.Search("zymurgy").Hits);
    }

    [Fact]
    public void A_full_rescan_skips_files_whose_text_did_not_change()
    {
        var builder = NewBuilder();
        builder.Build();

        WriteRole(t => t.Replace("sector: Technology", "sector: Data"));
        var result = builder.Build();

        Assert.False(result.Incremental);
        Assert.Equal(1, result.FilesRead);
        Assert.Equal("Data", result.Snapshot.FindRole("data-scientist")!.Sector);
    }

    [Fact]
    public void A_broken_save_keeps_serving_the_last_good_version_with_a_warning()
    {
        var builder = NewBuilder();
        var good = builder.Build().Snapshot.Guides[0];

        WriteGuide(t => t.Replace("difficulty: moderate", "difficulty: hard"));
        var result = builder.Build([GuidePath]);

        Assert.Same(good.Sections, result.Snapshot.Guides[0].Sections);
        Assert.Equal(1, result.FilesServingLastGood);
        Assert.Equal(0, result.FilesRejected);
        Assert.Equal([DiagnosticCodes.ServingLastGood, DiagnosticCodes.WrongType], result.Snapshot.Diagnostics.Select(d => d.Code).Order());
    }

    [Fact]
    public void A_broken_role_keeps_its_last_good_version_and_its_guides()
    {
        var builder = NewBuilder();
        builder.Build();

        WriteRole(t => t.Replace("title: Data Scientist\n", ""));
        var snapshot = builder.Build(["roles/data-scientist.md"]).Snapshot;

        Assert.Equal("Data Scientist", snapshot.FindRole("data-scientist")!.Title);
        Assert.Single(snapshot.Guides);
        Assert.Contains(snapshot.Diagnostics, d => d.Code == DiagnosticCodes.ServingLastGood && d.Path == "roles/data-scientist.md");
    }

    [Fact]
    public void A_file_that_never_loaded_has_no_last_good_version()
    {
        WriteGuide(t => t.Replace("difficulty: moderate", "difficulty: hard"));

        var result = NewBuilder().Build();

        Assert.Empty(result.Snapshot.Guides);
        Assert.Equal(1, result.FilesRejected);
    }

    [Fact]
    public void A_deleted_file_is_dropped_and_its_last_good_version_with_it()
    {
        var builder = NewBuilder();
        builder.Build();

        File.Delete(Path.Combine(Content.Root, GuidePath));
        var snapshot = builder.Build([GuidePath]).Snapshot;

        Assert.Empty(snapshot.Guides);
        Assert.Empty(snapshot.Diagnostics);
    }

    [Fact]
    public void A_changed_role_is_seen_by_every_guide_using_it_without_reparsing_them()
    {
        var builder = NewBuilder();
        builder.Build();

        Content.Write("roles/backend-developer.md", Samples.Role("Backend Developer", entry: (27000, 39000), mid: (42000, 65000), senior: (70000, 110000)));
        var result = builder.Build(["roles/backend-developer.md"]);

        Assert.Equal(1, result.FilesRead);
        Assert.Equal("£27,000–£39,000", result.Snapshot.Guides[0].Salary.TypicalMove.ToBand.Display);
    }

    [Fact]
    public void The_version_changes_with_the_content_and_only_with_it()
    {
        var builder = NewBuilder();
        var first = builder.Build().Snapshot.Version;
        var same = builder.Build().Snapshot.Version;

        WriteGuide(t => t.Replace("Yes, you can.", "Yes, you really can."));
        var changed = builder.Build([GuidePath]).Snapshot.Version;

        Assert.Equal(first, same);
        Assert.NotEqual(first, changed);
    }

    [Fact]
    public void The_rescan_on_a_new_day_parses_again_an_unchanged_file_whose_review_date_has_just_passed()
    {
        var clock = new DayClock(new DateOnly(2026, 11, 30));
        WriteRole(t => t.Replace("title:", "review_by: 2026-12-01\ntitle:", StringComparison.Ordinal));
        var builder = new ContentBuilder(Content.Root, clock, includeUnpublished: false);
        Assert.DoesNotContain(builder.Build().Snapshot.Diagnostics, d => d.Code == DiagnosticCodes.ReviewOverdue);

        clock.Today = new DateOnly(2026, 12, 1); // the review date itself: not yet overdue, nothing to parse again
        Assert.Equal(0, builder.Build().FilesRead);

        clock.Today = new DateOnly(2026, 12, 2);
        var overdue = builder.Build();

        Assert.Equal(1, overdue.FilesRead);
        var warning = Assert.Single(overdue.Snapshot.Diagnostics, d => d.Code == DiagnosticCodes.ReviewOverdue);
        Assert.Equal("roles/data-scientist.md", warning.Path);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.NotNull(overdue.Snapshot.FindRole("data-scientist"));
        Assert.Single(overdue.Snapshot.Guides);

        clock.Today = new DateOnly(2026, 12, 3);
        Assert.Equal(0, builder.Build().FilesRead);
    }

    private sealed class DayClock(DateOnly today) : TimeProvider
    {
        public DateOnly Today { get; set; } = today;

        public override DateTimeOffset GetUtcNow() => new(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
