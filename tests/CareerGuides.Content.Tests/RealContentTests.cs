using CareerGuides.Content.Loading;
using CareerGuides.Content.Model;

namespace CareerGuides.Content.Tests;

/// <summary>The bundled content/ folder: it must load with no problems at all, and carry the reference guide's facts.</summary>
public sealed class RealContentTests
{
    private static readonly Lazy<LoadResult> Result = new(() => new ContentLoader().Load(RepositoryPaths.Content));

    private static ContentSnapshot Snapshot => Result.Value.Snapshot;

    [Fact]
    public void The_bundled_content_loads_with_zero_diagnostics()
    {
        Assert.True(Snapshot.Diagnostics.IsEmpty, "Content problems:\n" + string.Join("\n", Snapshot.Diagnostics));
        Assert.Equal(0, Result.Value.FilesRejected);
    }

    [Fact]
    public void The_bundled_content_has_real_breadth()
    {
        Assert.True(Snapshot.Guides.Length >= 11, $"{Snapshot.Guides.Length} guides");
        Assert.True(Snapshot.Roles.Length >= 8, $"{Snapshot.Roles.Length} roles");
        var rolesInGuides = Snapshot.Guides.SelectMany(g => new[] { g.From.Slug, g.To.Slug }).ToHashSet();
        Assert.All(Snapshot.Roles, r => Assert.Contains(r.Slug, rolesInGuides));
    }

    [Fact]
    public void Every_guide_has_a_unique_summary()
    {
        var summaries = Snapshot.Guides.Select(g => g.Summary).ToArray();

        Assert.Equal(summaries.Length, summaries.Distinct().Count());
    }

    [Fact]
    public void The_reference_guide_carries_the_reference_facts()
    {
        var guide = Snapshot.FindGuide("data-scientist-to-backend-developer")!;

        Assert.Equal("Data Scientist to Backend Developer", guide.Title);
        Assert.Equal(new IntRange(6, 12), guide.TimelineMonths);
        Assert.Equal(Difficulty.Moderate, guide.Difficulty);
        Assert.Equal(new IntRange(2, 4), guide.YearsToMidCareer);
        Assert.Equal(["Analytical thinking", "Structured communication", "Project coordination"], guide.TransferableSkills.Select(s => s.Skill));
        Assert.Equal(
            ["Python or Node.js", "SQL database design and optimisation", "NoSQL databases", "API design and documentation", "Message queues (RabbitMQ, Kafka)"],
            guide.SkillsToBuild.Select(s => s.Skill));
        Assert.Equal(8, guide.Faqs.Length);
        Assert.Equal(
            ["£32,000–£45,000", "£50,000–£80,000", "£85,000–£150,000+"],
            new[] { guide.From.Salary.Entry, guide.From.Salary.MidCareer, guide.From.Salary.Senior }.Select(b => b.Display));
        Assert.Equal(
            ["£26,000–£38,000", "£42,000–£65,000", "£70,000–£110,000+"],
            new[] { guide.To.Salary.Entry, guide.To.Salary.MidCareer, guide.To.Salary.Senior }.Select(b => b.Display));
    }
}
