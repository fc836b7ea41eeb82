using CareerGuides.Content.Diagnostics;

namespace CareerGuides.Content.Tests;

/// <summary>Mistakes between files: roles that do not exist, file names, duplicates; and a bad file never takes good ones offline.</summary>
public sealed class ReferenceDiagnosticsTests : LoaderTestBase
{
    [Fact]
    public void A_guide_naming_a_missing_role_is_left_out_with_a_suggestion()
    {
        Content.Write("guides/data-scientist-to-backend-developr.md", Samples.Guide("data-scientist", "backend-developr"));

        var result = Load();

        var d = Assert.Single(result.Snapshot.Diagnostics);
        Assert.Equal(("guides/data-scientist-to-backend-developr.md", 3, 5, DiagnosticCodes.UnknownRole, "to"), (d.Path, d.Line, d.Column, d.Code, d.Field));
        Assert.Equal("'to' names the role 'backend-developr', which does not exist.", d.Message);
        Assert.StartsWith("Did you mean 'backend-developer'?", d.Hint);
        Assert.Null(result.Snapshot.FindGuide("data-scientist-to-backend-developr"));
        Assert.NotNull(result.Snapshot.FindGuide("data-scientist-to-backend-developer"));
        Assert.Equal(1, result.FilesRejected);
    }

    [Fact]
    public void A_file_name_that_does_not_match_its_roles_is_an_error()
    {
        Content.Write("guides/teacher-to-backend-developer.md", Samples.Guide("data-scientist", "backend-developer"));

        var d = SingleDiagnostic("guides/teacher-to-backend-developer.md");

        Assert.Equal((2, 7, DiagnosticCodes.FileNameMismatch, "from"), (d.Line, d.Column, d.Code, d.Field));
        Assert.Contains("must be named 'data-scientist-to-backend-developer.md'", d.Message);
    }

    [Fact]
    public void A_guide_from_a_role_to_itself_is_an_error()
    {
        Content.Write("guides/data-scientist-to-data-scientist.md", Samples.Guide("data-scientist", "data-scientist"));

        var d = SingleDiagnostic("guides/data-scientist-to-data-scientist.md");

        Assert.Equal((3, 5, DiagnosticCodes.SameRole), (d.Line, d.Column, d.Code));
    }

    [Fact]
    public void Duplicate_slugs_in_different_folders_keep_the_first_and_report_the_second()
    {
        Content.Write("guides/old/data-scientist-to-backend-developer.md", Samples.Guide("data-scientist", "backend-developer"));

        var result = Load();

        var d = Assert.Single(result.Snapshot.Diagnostics);
        Assert.Equal(("guides/old/data-scientist-to-backend-developer.md", 1, 1, DiagnosticCodes.DuplicateSlug), (d.Path, d.Line, d.Column, d.Code));
        Assert.Contains("already used by 'guides/data-scientist-to-backend-developer.md'", d.Message);
        Assert.Equal("guides/data-scientist-to-backend-developer.md", result.Snapshot.FindGuide("data-scientist-to-backend-developer")!.SourcePath);
    }

    [Fact]
    public void A_broken_role_takes_its_guides_with_it_and_says_why()
    {
        WriteRole(t => t.Replace("title: Data Scientist\n", ""));

        var snapshot = Load().Snapshot;

        var d = Assert.Single(snapshot.Diagnostics, d => d.Path.StartsWith("guides/", StringComparison.Ordinal));
        Assert.Equal((2, 7, DiagnosticCodes.BrokenRole, "from"), (d.Line, d.Column, d.Code, d.Field));
        Assert.Contains("roles/data-scientist.md", d.Hint);
        Assert.Empty(snapshot.Guides);
        Assert.NotNull(snapshot.FindRole("backend-developer"));
    }

    [Fact]
    public void A_role_file_name_must_be_a_slug()
    {
        Content.Write("roles/Data_Analyst.md", Samples.Role("Data Analyst"));

        var d = SingleDiagnostic();

        Assert.Equal(("roles/Data_Analyst.md", 1, 1, DiagnosticCodes.InvalidFileName), (d.Path, d.Line, d.Column, d.Code));
    }

    [Fact]
    public void A_broken_file_leaves_every_other_page_published()
    {
        Content.Write("roles/teacher.md", Samples.Role("Teacher"))
            .Write("roles/nurse.md", "---\ntitle: [unclosed\n---\nBody\n")
            .Write("guides/teacher-to-data-scientist.md", Samples.Guide("teacher", "data-scientist"))
            .Write("guides/nurse-to-data-scientist.md", Samples.Guide("nurse", "data-scientist"));

        var result = Load();

        Assert.Equal(["Backend Developer", "Data Scientist", "Teacher"], result.Snapshot.Roles.Select(r => r.Title));
        Assert.Equal(["data-scientist-to-backend-developer", "teacher-to-data-scientist"], result.Snapshot.Guides.Select(g => g.Slug).Order());
        Assert.Equal(2, result.FilesRejected);
        Assert.Equal(7, result.FilesRead);
        Assert.Equal(["guides/nurse-to-data-scientist.md", "roles/nurse.md"], result.Snapshot.Diagnostics.Select(d => d.Path).Distinct());
    }
}
