using System.Text.Json;
using CareerGuides.Content.Loading;
using CareerGuides.Content.Schema;

namespace CareerGuides.Content.Tests;

/// <summary>One schema: the shipped JSON Schemas and field tables are generated from the C# model and kept in step.</summary>
public sealed class SchemaAndScaffoldTests
{
    private const string Regenerate = "Regenerate with: dotnet run --project src/CareerGuides.Cli -- schema";

    [Fact]
    public void The_shipped_json_schemas_match_the_model()
    {
        foreach (var (fileName, title, type) in FrontMatterSchema.Kinds)
        {
            var shipped = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "schema", fileName));
            Assert.True(shipped == FrontMatterSchema.Generate(fileName, title, type), $"docs/schema/{fileName} is out of date. {Regenerate}");
        }
    }

    [Fact]
    public void The_field_reference_in_docs_matches_the_model()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "content.md"));

        Assert.True(document == FieldReference.UpdateDocument(document), $"The field tables in docs/content.md are out of date. {Regenerate}");
    }

    [Fact]
    public void The_guide_schema_requires_what_the_loader_requires_and_forbids_unknown_fields()
    {
        var (fileName, title, type) = FrontMatterSchema.Kinds.Single(k => k.FileName == "guide.schema.json");
        using var schema = JsonDocument.Parse(FrontMatterSchema.Generate(fileName, title, type));
        var root = schema.RootElement;

        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(
            ["from", "to", "summary", "timeline_months", "difficulty", "transferable_skills", "skills_to_build", "faqs", "published", "updated"],
            root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["straightforward", "moderate", "challenging"], root.GetProperty("properties").GetProperty("difficulty").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, root.GetProperty("properties").GetProperty("transferable_skills").GetProperty("minItems").GetInt32());
    }

    [Fact]
    public void Scaffolded_files_validate_clean_and_start_as_drafts()
    {
        using var content = new TempContent();
        var today = new DateOnly(2026, 11, 24);
        content.Write("roles/nurse.md", Scaffolder.Role("nurse", today))
            .Write("roles/data-analyst.md", Scaffolder.Role("data-analyst", today))
            .Write("guides/nurse-to-data-analyst.md", Scaffolder.Guide("nurse", "data-analyst", today));

        var all = new ContentLoader(TimeProvider.System, includeUnpublished: true).Load(content.Root).Snapshot;
        var live = new ContentLoader(TimeProvider.System, includeUnpublished: false).Load(content.Root).Snapshot;

        Assert.True(all.Diagnostics.IsEmpty, string.Join("\n", all.Diagnostics));
        Assert.Single(all.Guides);
        Assert.Equal("Data Analyst", all.FindRole("data-analyst")!.Title);
        Assert.Empty(live.Guides);
        Assert.Empty(live.Roles);
    }

    [Fact]
    public void Scaffolded_guides_comment_every_field()
    {
        var text = Scaffolder.Guide("a", "b", new DateOnly(2026, 11, 24));

        foreach (var field in new[] { "from", "to", "summary", "timeline_months", "difficulty", "years_to_mid_career", "transferable_skills", "skills_to_build", "faqs", "published", "updated", "draft", "review_by", "redirect_from" })
        {
            Assert.Contains($"{field}:", text);
        }

        Assert.All(GuideReader.SectionHeadings, h => Assert.Contains($"## {h}", text));
    }
}
