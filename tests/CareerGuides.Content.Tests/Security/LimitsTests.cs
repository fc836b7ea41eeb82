using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Safety;

namespace CareerGuides.Content.Tests.Security;

/// <summary>
/// Bounded parsing: a file past any limit is refused with a diagnostic naming the file and the limit, and every
/// other file keeps loading. The hostile files here would otherwise exhaust memory, time or the stack.
/// </summary>
public sealed class LimitsTests : LoaderTestBase
{
    private const string Guide = "guides/data-scientist-to-backend-developer.md";

    /// <summary>Writes a hostile role beside the valid pair, loads, and returns its one diagnostic; the pair must still load.</summary>
    private Diagnostic RefusedRole(string text)
    {
        Content.Write("roles/hostile.md", text);
        var result = Load();

        Assert.Equal(["backend-developer", "data-scientist"], result.Snapshot.Roles.Select(r => r.Slug).Order());
        Assert.Single(result.Snapshot.Guides);
        var diagnostics = result.Snapshot.Diagnostics.Where(d => d.Path == "roles/hostile.md").ToArray();
        Assert.True(diagnostics.Length == 1, "Expected one diagnostic, got:\n" + string.Join("\n", diagnostics));
        Assert.True(diagnostics[0].IsError);
        return diagnostics[0];
    }

    [Fact(Timeout = 30_000)]
    public async Task A_file_over_the_size_limit_is_not_read()
    {
        await Task.Yield();
        var d = RefusedRole(Samples.Role("Big") + new string('a', 80) + "\n" + string.Concat(Enumerable.Repeat(new string('a', 99) + "\n", 1400)));

        Assert.Equal((DiagnosticCodes.FileTooLarge, 1, 1), (d.Code, d.Line, d.Column));
        Assert.Contains("limit is 131,072", d.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_line_of_100000_characters_is_refused_naming_its_line()
    {
        await Task.Yield();
        var d = RefusedRole(Samples.Role("Long") + new string('x', 100_000) + "\n");

        Assert.Equal((DiagnosticCodes.LineTooLong, 19, ContentLimits.MaxLineLength + 1), (d.Code, d.Line, d.Column));
        Assert.Equal("Line 19 is 100,000 characters long; the limit is 10,000.", d.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task Front_matter_over_its_limit_is_refused()
    {
        await Task.Yield();
        var padding = string.Concat(Enumerable.Repeat("# " + new string('c', 500) + "\n", 70));
        var d = RefusedRole(Samples.Role("Wordy").Replace("title: Wordy\n", "title: Wordy\n" + padding));

        Assert.Equal((DiagnosticCodes.FrontMatterTooLarge, 2, 1), (d.Code, d.Line, d.Column));
    }

    [Theory(Timeout = 30_000)]
    [InlineData('{', 15_000)] // as deep as the front-matter size limit allows: loading that into a node tree overflows the stack
    [InlineData('{', ContentLimits.MaxYamlDepth + 1)]
    [InlineData('[', ContentLimits.MaxYamlDepth + 1)]
    public async Task Deeply_nested_front_matter_is_refused_without_overflowing_the_stack(char open, int depth)
    {
        await Task.Yield();
        var close = open == '{' ? '}' : ']';
        var nested = string.Join("\n ", new string(open, depth).Chunk(5_000).Select(c => new string(c)))
            + "\n " + string.Join("\n ", new string(close, depth).Chunk(5_000).Select(c => new string(c)));

        var d = RefusedRole(Samples.Role("Deep").Replace("sector: Technology", "sector: " + nested));

        Assert.Equal((DiagnosticCodes.YamlTooDeep, 3), (d.Code, d.Line));
        Assert.Equal("The front matter nests lists and maps more than 12 levels deep.", d.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task Deep_block_nesting_in_front_matter_is_refused()
    {
        await Task.Yield();
        var nested = string.Concat(Enumerable.Range(1, 40).Select(i => new string(' ', i * 2) + "k:\n")) + new string(' ', 82) + "v";

        var d = RefusedRole(Samples.Role("Deep").Replace("sector: Technology", "sector:\n" + nested));

        Assert.Equal(DiagnosticCodes.YamlTooDeep, d.Code);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_billion_laughs_file_is_refused()
    {
        await Task.Yield();
        var laughs = """
            lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
            lol1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]
            lol2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]
            lol3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]
            lol4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]
            lol5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]
            lol6: &a6 [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]
            lol7: &a7 [*a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6]
            lol8: &a8 [*a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7]
            """;

        var d = RefusedRole(Samples.Role("Laughs").Replace("sector: Technology\n", "sector: Technology\n" + laughs + "\n"));

        Assert.Equal((DiagnosticCodes.YamlAliasLimit, 8), (d.Code, d.Line));
        Assert.Contains("more than 10,000 values", d.Message);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("sector: &s [a, *s]")]
    [InlineData("sector: &s { a: *s }")]
    [InlineData("sector: &s [[[*s]]]")]
    public async Task A_self_referencing_alias_is_refused(string line)
    {
        await Task.Yield();

        var d = RefusedRole(Samples.Role("Loop").Replace("sector: Technology", line));

        Assert.Equal((DiagnosticCodes.YamlAliasLimit, 3), (d.Code, d.Line));
        Assert.Contains("'*s' refers to the list or map it stands in", d.Message);
    }

    [Fact]
    public void A_map_in_a_list_with_an_empty_later_key_is_malformed_yaml_not_a_fault()
    {
        // Found by the content fuzzer (seed 99, execution 17143): YamlDotNet's node loader threw ArgumentException.
        WriteRole(t => t.Replace("  - activity: Second activity", "  - : Second activity"));

        var d = Assert.Single(Load().Snapshot.Diagnostics, d => d.Path == "roles/data-scientist.md");

        Assert.Equal((DiagnosticCodes.MalformedYaml, 15, 5), (d.Code, d.Line, d.Column));
    }

    [Fact]
    public void A_few_aliases_to_text_are_fine()
    {
        WriteRole(t => t.Replace("sector: Technology", "sector: &s Technology").Replace("name: Test figures", "name: *s"));

        Assert.Empty(Load().Snapshot.Diagnostics);
    }

    [Fact]
    public void A_guide_faq_answer_nested_too_deeply_is_refused_naming_the_field()
    {
        WriteGuide(t => t.Replace("answer: Six to twelve *months*.", "answer: \"" + new string('>', 2000) + " deep\""));

        var d = Assert.Single(Load().Snapshot.Diagnostics, d => d.Path == Guide);

        Assert.Equal((DiagnosticCodes.MarkdownTooComplex, "faqs[0].answer", 17), (d.Code, d.Field, d.Line));
    }
}
