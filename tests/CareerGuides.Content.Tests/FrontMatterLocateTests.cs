using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Parsing;

namespace CareerGuides.Content.Tests;

/// <summary>
/// The binder finds a field's position in the YAML when a check asks for it (a mistake found after binding, such as a
/// range whose minimum is above its maximum): the value's own line and column, or the nearest enclosing field's.
/// </summary>
public sealed class FrontMatterLocateTests
{
    // The YAML starts on line 2 (line 1 is the opening '---'); its first node, the root map, on line 3, so the root's
    // position (3, 1) differs from the fall-back when nothing is found (2, 1).
    private const string Text = """
        ---
        # A guide, shortened.
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
            answer: &first One.
          - question: Second?
            answer: *first
        redirect_from:
          - /guides/old-name
          - /guides/older-name
        review_by:
        published: 2026-03-02
        updated: 2026-03-02
        ---
        ## Can you make the move

        Yes.
        """;

    [Theory]
    [InlineData("", 3, 1)]
    [InlineData("from", 3, 7)]
    [InlineData("timeline_months", 6, 18)]
    [InlineData("timeline_months.max", 6, 33)]
    [InlineData("transferable_skills[0]", 9, 5)]
    [InlineData("transferable_skills[0].in_new_role", 11, 18)]
    [InlineData("faqs[1].question", 18, 15)]
    [InlineData("faqs[1].answer", 17, 13)] // an alias: where the value it stands for is written
    [InlineData("redirect_from[1]", 22, 5)]
    [InlineData("review_by", 23, 11)] // given, empty
    public void A_field_is_located_at_its_value(string path, int line, int column) =>
        Assert.Equal(new SourceLocation(line, column), Bound().Locate(path));

    [Theory]
    [InlineData("faqs[7].answer", 16, 3)] // no eighth item: the list
    [InlineData("faqs[1].nonsense", 18, 5)] // not a field of an FAQ: the item
    [InlineData("timeline_months.min.deeper", 6, 25)] // a number has no fields: the number
    [InlineData("faqs[01].answer", 16, 3)] // not an index the binder writes
    [InlineData("faqs[0]answer", 16, 3)]
    [InlineData("faqs[]", 16, 3)]
    [InlineData("draft", 3, 1)] // a field the file does not give: the front matter
    [InlineData("not_a_field", 3, 1)]
    [InlineData(".from", 3, 1)]
    public void A_path_binding_never_reached_falls_back_to_the_nearest_enclosing_field(string path, int line, int column) =>
        Assert.Equal(new SourceLocation(line, column), Bound().Locate(path));

    [Fact]
    public void An_unknown_key_is_not_located_even_when_the_file_gives_it()
    {
        var (binder, bag) = Bind(Text.Replace("difficulty: moderate", "difficulty: moderate\nsurprise: 5", StringComparison.Ordinal));

        Assert.Equal(DiagnosticCodes.UnknownField, Assert.Single(bag.Items).Code);
        Assert.Equal(new SourceLocation(3, 1), binder.Locate("surprise"));
    }

    [Fact]
    public void A_value_of_the_wrong_shape_is_located_itself_for_the_fields_it_should_have_had()
    {
        var (binder, bag) = Bind(Text.Replace("timeline_months: { min: 6, max: 12 }", "timeline_months: 6 to 12", StringComparison.Ordinal));

        Assert.Equal(DiagnosticCodes.WrongType, Assert.Single(bag.Items).Code);
        Assert.Equal(new SourceLocation(6, 18), binder.Locate("timeline_months.min"));
    }

    [Fact]
    public void Before_binding_everything_falls_back_to_the_first_line_of_yaml() =>
        Assert.Equal(new SourceLocation(2, 1), new FrontMatterBinder(new DiagnosticBag("guides/x.md"), 1).Locate("from"));

    private static FrontMatterBinder Bound()
    {
        var (binder, bag) = Bind(Text);
        Assert.Empty(bag.Items);
        return binder;
    }

    private static (FrontMatterBinder Binder, DiagnosticBag Bag) Bind(string text)
    {
        var bag = new DiagnosticBag("guides/x.md");
        var parsed = ContentFileParser.Parse(text, bag)!;
        var binder = new FrontMatterBinder(bag, parsed.YamlLineOffset);
        binder.Bind<GuideFrontMatter>(parsed.FrontMatter);
        return (binder, bag);
    }
}
