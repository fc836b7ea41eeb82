using System.Collections.Immutable;
using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Model;

namespace CareerGuides.Content.Loading;

/// <summary>
/// A guide file read and rendered on its own, before its roles are resolved. Kept per file so that a reload only
/// parses the files that changed, and so that a broken new version can fall back to the last good one.
/// </summary>
public sealed record ParsedGuide(
    string Slug,
    string SourcePath,
    string FromSlug,
    SourceLocation FromAt,
    string ToSlug,
    SourceLocation ToAt,
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
    bool Draft,
    ImmutableArray<RedirectSource> RedirectFrom)
{
    /// <summary>The SHA-256 (lower-case hex) of the file's text.</summary>
    public string SourceHash { get; init; } = "";
}
