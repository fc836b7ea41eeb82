using System.Collections.Immutable;
using CareerGuides.Content.Loading;

namespace CareerGuides.Content.Model;

/// <summary>
/// A guide's skills as a checklist a reader ticks in the browser: a stable id for each skill (to remember ticks) and
/// the guide's timeline re-estimated for every number of skills to build the reader already has. Computed when the
/// page is rendered, so the page's script only looks figures up.
/// </summary>
/// <remarks>
/// The timeline rule, said to readers on the page: a guide's range covers learning the skills to build plus finding a
/// job. A quarter of each end of the range (rounded up, at least one month) is the job hunt, which no skill removes;
/// the rest is learning, shared equally between the skills to build. With <c>k</c> of <c>n</c> skills already had, each
/// end becomes <c>floor + (end − floor) × (n − k) / n</c>, rounded to the nearest month (halves up). Transferable
/// skills are already assumed by the guide's range, so ticking them changes no figure.
/// </remarks>
/// <param name="TransferableIds">An id per transferable skill, in order ("t-analytical-thinking").</param>
/// <param name="ToBuildIds">An id per skill to build, in order ("b-python-or-node-js").</param>
/// <param name="TimelineEstimates">Index <c>k</c>: the timeline in months for a reader who has <c>k</c> of the skills to build.</param>
public sealed record SkillChecklist(ImmutableArray<string> TransferableIds, ImmutableArray<string> ToBuildIds, ImmutableArray<IntRange> TimelineEstimates)
{
    /// <summary>Each estimate as the page shows it, '|'-separated by number of skills had ("6–12 months|5–10 months|…").</summary>
    public string EstimatesText { get; } = string.Join('|', TimelineEstimates.Select(MonthsText));

    /// <summary>The job hunt that no skill shortens: the estimate for a reader who has every skill to build.</summary>
    public IntRange JobHunt => TimelineEstimates[^1];

    public static SkillChecklist For(IReadOnlyList<TransferableSkill> transferable, IReadOnlyList<SkillToBuild> toBuild, IntRange timeline)
    {
        ArgumentNullException.ThrowIfNull(transferable);
        ArgumentNullException.ThrowIfNull(toBuild);
        var used = new HashSet<string>(StringComparer.Ordinal);
        return new SkillChecklist(
            Ids("t", transferable.Select(s => s.Skill), used),
            Ids("b", toBuild.Select(s => s.Skill), used),
            [.. Enumerable.Range(0, toBuild.Count + 1).Select(had => Estimate(timeline, toBuild.Count, had))]);
    }

    /// <summary>The timeline for a reader who already has <paramref name="had"/> of <paramref name="toBuild"/> skills to build.</summary>
    public static IntRange Estimate(IntRange timeline, int toBuild, int had)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(toBuild);
        ArgumentOutOfRangeException.ThrowIfNegative(had);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(had, toBuild);
        return new IntRange(End(timeline.Min, toBuild, had), End(timeline.Max, toBuild, had));
    }

    /// <summary>The job-hunt part of one end of a range: a quarter of it rounded up, at least one month (never more than the end itself).</summary>
    public static int Floor(int months) => Math.Min(months, Math.Max(1, (months + 3) / 4));

    /// <summary>"6–12 months", "1 month".</summary>
    public static string MonthsText(IntRange range) => range is { Min: 1, Max: 1 } ? "1 month" : $"{range} months";

    private static int End(int months, int toBuild, int had)
    {
        if (toBuild == 0)
        {
            return months;
        }

        var floor = Floor(months);
        var learning = months - floor;

        // floor + learning × (toBuild − had) / toBuild, rounded half up, in whole numbers.
        return floor + (((2 * learning * (toBuild - had)) + toBuild) / (2 * toBuild));
    }

    private static ImmutableArray<string> Ids(string prefix, IEnumerable<string> skills, HashSet<string> used) =>
        [.. skills.Select((skill, i) =>
        {
            var slug = Slugs.Slugify(skill);
            var id = $"{prefix}-{(slug.Length == 0 ? $"skill-{i + 1}" : slug)}";
            var unique = id;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = $"{id}-{n}";
            }

            return unique;
        })];
}
