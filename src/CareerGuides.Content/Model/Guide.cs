using System.Collections.Immutable;
using System.Globalization;

namespace CareerGuides.Content.Model;

/// <summary>
/// One career-change guide, from <c>content/guides/&lt;from&gt;-to-&lt;to&gt;.md</c>, with its two roles resolved,
/// its Markdown rendered and its salary comparison computed at load time.
/// </summary>
public sealed record Guide(
    string Slug,
    string SourcePath,
    Role From,
    Role To,
    string Summary,
    IntRange TimelineMonths,
    Difficulty Difficulty,
    IntRange? YearsToMidCareer,
    ImmutableArray<TransferableSkill> TransferableSkills,
    ImmutableArray<SkillToBuild> SkillsToBuild,
    ImmutableArray<Faq> Faqs,
    DateOnly Published,
    DateOnly Updated,
    GuideSections Sections,
    SalaryComparison Salary,
    bool Draft = false,
    ImmutableArray<RedirectSource> RedirectFrom = default)
{
    /// <summary>Whether the guide is on the live site on <paramref name="today"/>: not a draft, its roles not drafts, its publication date reached.</summary>
    public bool IsLive(DateOnly today) => !Draft && !From.Draft && !To.Draft && Published <= today;

    /// <summary>Why a guide is not live: "Draft", "Scheduled for 1 March 2027", or null when it is live.</summary>
    public string? NotLiveReason(DateOnly today) =>
        Draft || From.Draft || To.Draft ? (Draft ? "Draft" : "Draft: one of its roles is a draft")
        : Published > today ? string.Create(CultureInfo.GetCultureInfo("en-GB"), $"Scheduled: goes live on {Published:d MMMM yyyy}")
        : null;

    /// <summary>The skills as a checklist: ids to remember ticks by and the timeline for each number of skills already had.</summary>
    /// <remarks>
    /// Worked out when asked, for the guide's page (rendered once per content version), rather than kept: the ids
    /// and estimates of 10,000 guides were 9 MB of memory for a few microseconds of work per page.
    /// </remarks>
    public SkillChecklist Checklist => SkillChecklist.For(TransferableSkills, SkillsToBuild, TimelineMonths);

    /// <summary>The SHA-256 (lower-case hex) of the file's text this guide was read from: what a page built from it depends on.</summary>
    public string SourceHash { get; init; } = "";

    /// <summary>"Data Scientist to Backend Developer".</summary>
    public string Title { get; } = $"{From.Title} to {To.Title}";

    /// <summary>The site path of the guide's page.</summary>
    public string Url { get; } = $"/guides/{Slug}";
}

/// <summary>A whole-number range with min not above max, such as a timeline in months.</summary>
public readonly record struct IntRange(int Min, int Max)
{
    /// <summary>"6–12", or "6" when both ends are equal.</summary>
    public override string ToString() => Min == Max ? $"{Min}" : $"{Min}\u2013{Max}";
}

/// <summary>
/// A skill that carries over, with how it shows in each role. The two descriptions are plain text (shown encoded)
/// kept as UTF-8, like the rendered HTML: they are a sentence or two each, and for a catalogue of thousands of guides
/// UTF-16 strings doubled their memory.
/// </summary>
public sealed record TransferableSkill(string Skill, Utf8Text InOldRole, Utf8Text InNewRole);

/// <summary>A skill to learn for the new role; why it matters is plain text kept as UTF-8 (see <see cref="TransferableSkill"/>).</summary>
public sealed record SkillToBuild(string Skill, Utf8Text Why);

/// <summary>
/// A frequently asked question; the answer is kept as rendered HTML, which the page shows and the structured data
/// carries (Google's FAQ markup takes an answer's HTML; a plain-text copy of every answer was 16 MB for 10,000 guides).
/// </summary>
/// <remarks>
/// The question is kept as UTF-8 too (see <see cref="TransferableSkill"/>), and decoded when a page shows it: the
/// questions of 10,000 guides were 9.5 MB as UTF-16 strings.
/// </remarks>
public sealed record Faq(string Question, Utf8Text AnswerHtml)
{
    private readonly Utf8Text _question = new(Question);

    /// <summary>The question, plain text (shown encoded).</summary>
    public string Question => _question.ToString();
}

/// <summary>The guide's prose sections, rendered to HTML at load time.</summary>
public sealed record GuideSections(Utf8Text CanYouMove, Utf8Text WhyPeopleMove, Utf8Text HowRealistic, Utf8Text InterviewFraming);

/// <summary>An old address of a guide (normalised: lower case, no trailing slash), with where it is written.</summary>
public sealed record RedirectSource(string Path, Diagnostics.SourceLocation At);
