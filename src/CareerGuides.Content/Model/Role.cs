using System.Collections.Immutable;

namespace CareerGuides.Content.Model;

/// <summary>One role, from <c>content/roles/&lt;slug&gt;.md</c>.</summary>
public sealed record Role(
    string Slug,
    string SourcePath,
    string Title,
    string Sector,
    string Summary,
    SalaryBands Salary,
    SalarySource SalarySource,
    ImmutableArray<DayActivity> TypicalDay,
    Utf8Text OverviewHtml,
    bool Draft = false)
{
    /// <summary>The SHA-256 (lower-case hex) of the file's text this role was read from: what a page built from it depends on.</summary>
    public string SourceHash { get; init; } = "";

    /// <summary>The site path of the role's page.</summary>
    public string Url { get; } = $"/roles/{Slug}";

    /// <summary>The title in the plural for running text ("Data Scientists").</summary>
    public string PluralTitle => Title.EndsWith('s') ? Title : Title + "s";
}

/// <summary>One item of a role's typical day.</summary>
public sealed record DayActivity(string Activity, string Detail);
