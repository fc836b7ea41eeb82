using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Parsing;

namespace CareerGuides.Content.Tests;

/// <summary>
/// The binder finds a field's position in the YAML when a check asks for it (a mistake found after binding, such as a
/// range whose minimum is above its maximum): the value's own line and column, or the nearest enclosing field's.
/// </summary>
public sealed class FrontMatterLocateTests
{
    // The YAML starts on line 2 of the file (line 1 is the opening '---').
    private const string Text = """
        ---
        from: data-scientist
        to: backend-developer
        summary: A summary.
        timeline_months: { min: 6, max: 12 }
        difficulty: moderate
        transferable_skills:
          - skill: Python
            in_old_role: You write it daily.
            in_new_role: Services are written in it.
        skills_to_build:
          - skill: APIs
            why: Backends are built of them.
        faqs:
          - question: First?
            answer: One.
          - question: Second?
            answer: |
              Two.
        published: 2026-03-02
        updated: 2026-03-02
        ---
        ## Can you make the move

        Yes.
        """;

    [Theory]
    [InlineData("from", 2, 7)]
    [InlineData("timeline_months", 5, 18)]
    [InlineData("timeline_months.max", 5, 33)]
    [InlineData("transferable_skills[0]", 8, 5)]
    [InlineData("transferable_skills[0].in_new_role", 10, 18)]
    [InlineData("faqs[1].question", 17, 15)]
    [InlineData("faqs[1].answer", 18, 13)]
    public void A_field_is_located_at_its_value(string path, int line, int column) =>
        Assert.Equal(new SourceLocation(line, column), Bound().Locate(path));

    [Theory]
    [InlineData("faqs[7].answer", "faqs")] // no eighth item: the list itself
    [InlineData("faqs[1].nonsense", "faqs[1]")] // not a field of an FAQ: its item
    [InlineData("timeline_months.min.deeper", "timeline_months.min")] // a number has no fields
    [InlineData("review_by", "")] // a field the file does not give: the front matter's start
    [InlineData("not_a_field", "")]
    public void A_path_binding_never_reached_falls_back_to_the_nearest_enclosing_field(string path, string enclosing)
    {
        var binder = Bound();

        Assert.Equal(binder.Locate(enclosing), binder.Locate(path));
    }

    [Fact]
    public void The_front_matter_starts_on_the_line_after_the_opening_fence() =>
        Assert.Equal(new SourceLocation(2, 1), Bound().Locate(""));

    [Fact]
    public void An_unknown_key_is_not_located_even_when_the_file_gives_it()
    {
        var bag = new DiagnosticBag("guides/x.md");
        var parsed = ContentFileParser.Parse(Text.Replace("difficulty: moderate", "difficulty: moderate\nsurprise: 5", StringComparison.Ordinal), bag)!;
        var binder = new FrontMatterBinder(bag, parsed.YamlLineOffset);
        binder.Bind<GuideFrontMatter>(parsed.FrontMatter);

        Assert.Equal(DiagnosticCodes.UnknownField, Assert.Single(bag.Items).Code);
        Assert.Equal(new SourceLocation(2, 1), binder.Locate("surprise"));
    }

    private static FrontMatterBinder Bound()
    {
        var bag = new DiagnosticBag("guides/x.md");
        var parsed = ContentFileParser.Parse(Text, bag)!;
        var binder = new FrontMatterBinder(bag, parsed.YamlLineOffset);
        Assert.NotNull(binder.Bind<GuideFrontMatter>(parsed.FrontMatter));
        Assert.Empty(bag.Items);
        return binder;
    }
}
