using CareerGuides.Content.Diagnostics;

namespace CareerGuides.Content.Tests;

/// <summary>
/// Each kind of front-matter mistake becomes one diagnostic naming the file, the line and column of the offending
/// key or value in the file itself, the field, and a hint.
/// </summary>
public sealed class FrontMatterDiagnosticsTests : LoaderTestBase
{
    private const string GuidePath = "guides/data-scientist-to-backend-developer.md";
    private const string RolePath = "roles/data-scientist.md";

    [Fact]
    public void Valid_files_load_without_diagnostics()
    {
        var snapshot = Load().Snapshot;

        Assert.Empty(snapshot.Diagnostics);
        Assert.Equal(2, snapshot.Roles.Length);
        Assert.Single(snapshot.Guides);
    }

    [Fact]
    public void Wrong_type_points_at_the_value()
    {
        WriteGuide(t => t.Replace("timeline_months: { min: 6,", "timeline_months: { min: six,"));

        var d = SingleDiagnostic();

        Assert.Equal((GuidePath, 5, 25, DiagnosticCodes.WrongType, "timeline_months.min"), (d.Path, d.Line, d.Column, d.Code, d.Field));
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("must be a whole number, but is 'six'", d.Message);
        Assert.Equal("Write digits only, e.g. 12.", d.Hint);
    }

    [Fact]
    public void Money_written_with_pound_sign_gets_a_specific_hint()
    {
        WriteRole(t => t.Replace("entry: { min: 32000,", "entry: { min: \"£32,000\","));

        var d = SingleDiagnostic(RolePath);

        Assert.Equal((6, 17, "salary.entry.min"), (d.Line, d.Column, d.Field));
        Assert.Contains("without '£' or commas", d.Hint);
    }

    [Fact]
    public void Unknown_field_points_at_the_key_and_suggests_the_right_name()
    {
        WriteGuide(t => t.Replace("difficulty: moderate", "dificulty: moderate"));

        var diagnostics = Load().Snapshot.Diagnostics;

        var unknown = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.UnknownField);
        Assert.Equal((6, 1, "dificulty"), (unknown.Line, unknown.Column, unknown.Field));
        Assert.StartsWith("Did you mean 'difficulty'?", unknown.Hint);
        var missing = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.MissingField);
        Assert.Equal("difficulty", missing.Field);
    }

    [Fact]
    public void Missing_required_field_names_the_field_and_says_what_it_is_for()
    {
        WriteGuide(t => t.Replace("summary: How to move from data-scientist to backend-developer.\n", ""));

        var d = SingleDiagnostic();

        Assert.Equal((GuidePath, 2, 1, DiagnosticCodes.MissingField, "summary"), (d.Path, d.Line, d.Column, d.Code, d.Field));
        Assert.Equal("Required field 'summary' is missing.", d.Message);
        Assert.Contains("Add 'summary:' to the front matter", d.Hint);
    }

    [Fact]
    public void Missing_nested_field_points_at_its_map()
    {
        WriteRole(t => t.Replace("  reviewed: 2026-11-01\n", ""));

        var d = SingleDiagnostic(RolePath);

        Assert.Equal((10, 3, DiagnosticCodes.MissingField, "salary_source.reviewed"), (d.Line, d.Column, d.Code, d.Field));
        Assert.Contains("under 'salary_source'", d.Hint);
    }

    [Fact]
    public void Empty_required_value_is_reported_at_its_key()
    {
        WriteGuide(t => t.Replace("summary: How to move from data-scientist to backend-developer.", "summary:"));

        var d = SingleDiagnostic();

        Assert.Equal((4, 1, DiagnosticCodes.MissingField, "summary"), (d.Line, d.Column, d.Code, d.Field));
        Assert.Equal("Required field 'summary' is empty.", d.Message);
    }

    [Fact]
    public void Min_above_max_points_at_min()
    {
        WriteGuide(t => t.Replace("timeline_months: { min: 6, max: 12 }", "timeline_months: { min: 14, max: 12 }"));

        var d = SingleDiagnostic();

        Assert.Equal((5, 25, DiagnosticCodes.MinAboveMax, "timeline_months.min"), (d.Line, d.Column, d.Code, d.Field));
        Assert.Equal("'timeline_months.min' (14) is greater than 'timeline_months.max' (12).", d.Message);
    }

    [Fact]
    public void Salary_band_min_above_max_is_an_error_in_the_role_file()
    {
        WriteRole(t => t.Replace("mid_career: { min: 50000, max: 80000 }", "mid_career: { min: 90000, max: 80000 }"));

        var diagnostics = Load().Snapshot.Diagnostics;

        var d = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.MinAboveMax);
        Assert.Equal((RolePath, 7, 22, "salary.mid_career.min"), (d.Path, d.Line, d.Column, d.Field));
    }

    [Fact]
    public void Only_the_senior_band_may_be_open_ended()
    {
        WriteRole(t => t.Replace("entry: { min: 32000, max: 45000 }", "entry: { min: 32000, max: 45000, open_ended: true }"));

        var d = SingleDiagnostic(RolePath);

        Assert.Equal((6, 48, DiagnosticCodes.InvalidValue, "salary.entry.open_ended"), (d.Line, d.Column, d.Code, d.Field));
    }

    [Fact]
    public void Wrong_choice_lists_the_allowed_values()
    {
        WriteGuide(t => t.Replace("difficulty: moderate", "difficulty: moderat"));

        var d = SingleDiagnostic();

        Assert.Equal((6, 13, DiagnosticCodes.WrongType, "difficulty"), (d.Line, d.Column, d.Code, d.Field));
        Assert.Equal("Did you mean 'moderate'? Allowed values: straightforward, moderate, challenging.", d.Hint);
    }

    [Fact]
    public void Bad_date_says_the_format()
    {
        WriteGuide(t => t.Replace("published: 2026-03-02", "published: 2 March 2026"));

        var d = SingleDiagnostic();

        Assert.Equal((18, 12, DiagnosticCodes.WrongType, "published"), (d.Line, d.Column, d.Code, d.Field));
        Assert.Contains("YYYY-MM-DD", d.Hint);
    }

    [Fact]
    public void A_list_written_as_text_is_a_wrong_type()
    {
        WriteGuide(t => t.Replace("faqs:\n  - question: How long does it take?\n    answer: Six to twelve *months*.", "faqs: none yet"));

        var d = SingleDiagnostic();

        Assert.Equal((15, 7, DiagnosticCodes.WrongType, "faqs"), (d.Line, d.Column, d.Code, d.Field));
    }

    [Fact]
    public void An_empty_list_is_too_short()
    {
        WriteGuide(t => t.Replace("faqs:\n  - question: How long does it take?\n    answer: Six to twelve *months*.", "faqs: []"));

        var d = SingleDiagnostic();

        Assert.Equal((15, 7, DiagnosticCodes.ListLength, "faqs"), (d.Line, d.Column, d.Code, d.Field));
    }

    [Fact]
    public void A_field_inside_a_list_item_is_located_by_its_index()
    {
        WriteGuide(t => t.Replace("    why: Every service stores data.\n", ""));

        var d = SingleDiagnostic();

        Assert.Equal((13, 5, DiagnosticCodes.MissingField, "skills_to_build[0].why"), (d.Line, d.Column, d.Code, d.Field));
    }

    [Fact]
    public void A_field_given_twice_is_reported_at_the_second()
    {
        WriteGuide(t => t.Replace("difficulty: moderate\n", "difficulty: moderate\ndifficulty: challenging\n"));

        var d = Load().Snapshot.Diagnostics.First();

        Assert.Equal(GuidePath, d.Path);
        Assert.Equal(7, d.Line);
    }

    [Fact]
    public void Malformed_yaml_points_at_the_line_in_the_file()
    {
        WriteGuide(t => t.Replace("  - skill: SQL\n", "  - skill: SQL\n   - broken\n"));

        var d = SingleDiagnostic();

        Assert.Equal((GuidePath, DiagnosticCodes.MalformedYaml), (d.Path, d.Code));
        Assert.InRange(d.Line, 13, 14);
        Assert.DoesNotContain("Idx:", d.Message);
        Assert.Contains("indentation", d.Hint);
    }

    [Theory]
    [InlineData("difficulty: [ moderate")]
    [InlineData("difficulty: { level: moderate")]
    [InlineData("difficulty: \"moderate")]
    public void Unclosed_brackets_and_quotes_are_malformed_yaml_not_a_crash(string line)
    {
        WriteGuide(t => t.Replace("difficulty: moderate", line));

        var d = SingleDiagnostic();

        Assert.Equal((GuidePath, DiagnosticCodes.MalformedYaml), (d.Path, d.Code));
        Assert.Equal(6, d.Line);
    }

    [Fact]
    public void Updated_before_published_is_an_error()
    {
        WriteGuide(t => t.Replace("updated: 2026-11-20", "updated: 2025-11-20"));

        var d = SingleDiagnostic();

        Assert.Equal((19, 10, DiagnosticCodes.InvalidValue, "updated"), (d.Line, d.Column, d.Code, d.Field));
    }

    [Fact]
    public void Windows_line_endings_give_the_same_positions()
    {
        WriteGuide(t => t.Replace("timeline_months: { min: 6,", "timeline_months: { min: six,").Replace("\n", "\r\n"));

        var d = SingleDiagnostic();

        Assert.Equal((5, 25), (d.Line, d.Column));
    }

    [Fact]
    public void Diagnostic_prints_in_compiler_format()
    {
        var d = new Diagnostic("guides/a-to-b.md", 5, 25, DiagnosticSeverity.Error, "CG0103", "Bad.", "x", "Fix it.");

        Assert.Equal("guides/a-to-b.md:5:25: error CG0103: Bad.", d.ToString());
    }
}
