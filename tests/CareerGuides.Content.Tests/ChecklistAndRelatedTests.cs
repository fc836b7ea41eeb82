using CareerGuides.Content.Loading;
using CareerGuides.Content.Model;

namespace CareerGuides.Content.Tests;

/// <summary>The skills checklist's ids and timeline rule, and each guide's related guides, all computed at load time.</summary>
public sealed class ChecklistAndRelatedTests
{
    private static readonly Lazy<ContentSnapshot> Content = new(() => new ContentLoader().Load(RepositoryPaths.Content).Snapshot);

    [Fact]
    public void The_reference_guide_estimates_a_shorter_timeline_for_each_skill_already_had()
    {
        var checklist = Content.Value.FindGuide("data-scientist-to-backend-developer")!.Checklist;

        // 6–12 months, 5 skills to build; job-hunt floors 2 and 3 months.
        Assert.Equal(["6–12", "5–10", "4–8", "4–7", "3–5", "2–3"], checklist.TimelineEstimates.Select(r => r.ToString()));
    }

    [Theory]
    [InlineData(6, 2)]
    [InlineData(12, 3)]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(9, 3)]
    [InlineData(18, 5)]
    public void The_job_hunt_floor_is_a_quarter_rounded_up_and_at_least_a_month(int months, int floor) =>
        Assert.Equal(floor, SkillChecklist.Floor(months));

    [Fact]
    public void With_no_skills_had_the_estimate_is_the_guides_own_range_and_with_all_it_is_the_floor()
    {
        Assert.All(Content.Value.Guides, g =>
        {
            var estimates = g.Checklist.TimelineEstimates;
            Assert.Equal(g.SkillsToBuild.Length + 1, estimates.Length);
            Assert.Equal(g.TimelineMonths, estimates[0]);
            Assert.Equal(new IntRange(SkillChecklist.Floor(g.TimelineMonths.Min), SkillChecklist.Floor(g.TimelineMonths.Max)), estimates[^1]);
            Assert.All(estimates.Zip(estimates.Skip(1)), pair =>
            {
                Assert.True(pair.Second.Min <= pair.First.Min && pair.Second.Max <= pair.First.Max, $"{g.Slug}: {pair.First} then {pair.Second}");
                Assert.True(pair.Second.Min <= pair.Second.Max);
            });
        });
    }

    [Fact]
    public void Rounding_is_to_the_nearest_month_with_halves_up()
    {
        // 9–18, 2 skills: floors 3 and 5; one skill had leaves half the learning: 3 + 3 = 6, 5 + 6.5 = 11.5 → 12.
        Assert.Equal(new IntRange(6, 12), SkillChecklist.Estimate(new IntRange(9, 18), 2, 1));
    }

    [Fact]
    public void Estimates_say_month_or_months()
    {
        Assert.Equal("6–12 months", SkillChecklist.MonthsText(new IntRange(6, 12)));
        Assert.Equal("2 months", SkillChecklist.MonthsText(new IntRange(2, 2)));
        Assert.Equal("1 month", SkillChecklist.MonthsText(new IntRange(1, 1)));
    }

    private static readonly Utf8Text Empty = new("");

    [Fact]
    public void Skill_ids_are_stable_slugs_unique_within_a_guide()
    {
        var checklist = SkillChecklist.For(
            [new TransferableSkill("Analytical thinking", Empty, Empty), new TransferableSkill("C++", Empty, Empty)],
            [new SkillToBuild("SQL", Empty), new SkillToBuild("sql!", Empty), new SkillToBuild("???", Empty)],
            new IntRange(6, 12));

        Assert.Equal(["t-analytical-thinking", "t-c"], checklist.TransferableIds);
        Assert.Equal(["b-sql", "b-sql-2", "b-skill-3"], checklist.ToBuildIds);
        Assert.All(Content.Value.Guides, g =>
        {
            var ids = g.Checklist.TransferableIds.Concat(g.Checklist.ToBuildIds).ToArray();
            Assert.Equal(ids.Length, ids.Distinct().Count());
        });
    }

    [Fact]
    public void Related_guides_are_the_other_moves_from_the_old_role_and_into_the_new_one()
    {
        var snapshot = Content.Value;
        var guide = snapshot.FindGuide("data-scientist-to-backend-developer")!;

        var related = snapshot.Related(guide);

        Assert.Equal(["/guides/data-scientist-to-product-manager"], related.FromSameRole.Select(g => g.Url));
        Assert.Equal(["/guides/data-analyst-to-backend-developer", "/guides/frontend-developer-to-backend-developer"], related.IntoSameRole.Select(g => g.Url));
        Assert.All(snapshot.Guides, g => Assert.DoesNotContain(g, snapshot.Related(g).FromSameRole.Concat(snapshot.Related(g).IntoSameRole)));
    }

    [Fact]
    public void Starting_and_target_roles_are_grouped_by_sector()
    {
        var snapshot = Content.Value;

        var starting = snapshot.StartingRolesBySector.SelectMany(s => s.Roles).Select(r => r.Slug).ToHashSet();
        var targets = snapshot.TargetRolesBySector.SelectMany(s => s.Roles).Select(r => r.Slug).ToHashSet();

        Assert.Equal(snapshot.Guides.Select(g => g.From.Slug).ToHashSet(), starting);
        Assert.Equal(snapshot.Guides.Select(g => g.To.Slug).ToHashSet(), targets);
        Assert.Contains(snapshot.StartingRolesBySector, s => s.Sector == "Education" && s.Roles.Any(r => r.Slug == "teacher"));
        Assert.All(snapshot.TargetRolesBySector, s => Assert.All(s.Roles, r => Assert.Equal(s.Sector, r.Sector)));
    }
}
