using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Loading;
using CareerGuides.Content.Safety;

namespace CareerGuides.Content.Tests.Security;

/// <summary>
/// The kinds of input the CommonMark reference implementations keep in their pathological test suites
/// (cmark's test/pathological_tests.py, commonmark.js' test/pathological.js). Each, at the largest size a file may
/// have, either renders or is refused with a diagnostic, and never hangs the load: the test framework's timeout,
/// far above a normal load, turns a hang into a failure. No duration is asserted.
/// </summary>
public sealed class PathologicalMarkdownTests : LoaderTestBase
{
    /// <summary>Characters of Markdown each case may use: just under the file limit once the front matter is added.</summary>
    private const int Budget = ContentLimits.MaxFileBytes - 2_000;

    public static TheoryData<string> Cases() => new()
    {
        "nested block quotes",
        "nested lists",
        "nested ordered lists in quotes",
        "nested brackets",
        "nested strong and emphasis",
        "emphasis closers without openers",
        "emphasis openers without closers",
        "mismatched openers and closers",
        "openers and closers multiple of 3",
        "link closers without openers",
        "link openers without closers",
        "link openers and emphasis closers",
        "[ (]( repeated",
        "unclosed links A",
        "unclosed links B",
        "unclosed inline links",
        "many link reference definitions",
        "reference collisions",
        "backticks",
        "unclosed html comments",
        "deep table",
        "deep table after emphasis",
        "many table columns",
        "U+0000 and control characters",
        "empty lines in nested lists",
        "entities",
        "images inside links",
    };

    private static string Repeat(string unit, int budget = Budget) => string.Concat(Enumerable.Repeat(unit, budget / unit.Length));

    /// <summary>Lines of at most the line limit, so the size and shape (not the line length) is what is tested.</summary>
    private static string Wrapped(string unit, int budget = Budget)
    {
        var perLine = Math.Max(1, (ContentLimits.MaxLineLength - 10) / unit.Length);
        var line = string.Concat(Enumerable.Repeat(unit, perLine)) + "\n";
        return string.Concat(Enumerable.Repeat(line, Math.Max(1, budget / line.Length)));
    }

    private static string Body(string name) => name switch
    {
        "nested block quotes" => new string('>', 5_000) + " a\n",
        "nested lists" => string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- a\n")),
        "nested ordered lists in quotes" => Repeat("> 1. "),
        "nested brackets" => new string('[', 5_000) + "a" + new string(']', 5_000),
        "nested strong and emphasis" => Wrapped("*a **a ", Budget / 2) + "b" + Wrapped(" a** a*", Budget / 2),
        "emphasis closers without openers" => Wrapped("a_ "),
        "emphasis openers without closers" => Wrapped("_a "),
        "mismatched openers and closers" => Wrapped("*a_ "),
        "openers and closers multiple of 3" => "a**b" + Wrapped("c* "),
        "link closers without openers" => Wrapped("a]"),
        "link openers without closers" => Wrapped("[a"),
        "link openers and emphasis closers" => Wrapped("[ a_"),
        "[ (]( repeated" => Wrapped("[ (]("),
        "unclosed links A" => Wrapped("[a](<b"),
        "unclosed links B" => Wrapped("[a](b"),
        "unclosed inline links" => Wrapped("[a](b "),
        "many link reference definitions" => Repeat("[a]: u\n") + "[a]",
        "reference collisions" => string.Concat(Enumerable.Range(0, 1_500).Select(i => $"[{i % 7}a]: u{i}\n")) + Repeat("[0a] ", 5_000),
        "backticks" => string.Concat(Enumerable.Range(1, 450).Select(i => "e" + new string('`', i))),
        "unclosed html comments" => Wrapped("<!-- "),
        "deep table" => "| a | b |\n|---|---|\n" + Repeat("| x | y |\n"),
        "deep table after emphasis" => "Some **bold** text.\n| a | b |\n|---|---|\n" + Repeat("| x | y |\n"),
        "many table columns" => Repeat("|a", 9_000) + "\n" + Repeat("|-", 9_000) + "\n" + Repeat("|x", 9_000) + "\n",
        "U+0000 and control characters" => Wrapped("a\0b\u0001c\u001b[31m\u202e "),
        "empty lines in nested lists" => string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- a\n\n")),
        "entities" => Wrapped("&#x1F600;&#0;&amp;&bogus;&#"),
        "images inside links" => Wrapped("[![a](b)](c) "),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory(Timeout = 20_000)]
    [MemberData(nameof(Cases))]
    public async Task Pathological_markdown_renders_or_is_refused_without_hanging(string name)
    {
        var body = Body(name);
        WriteRole(t => t + body);

        var result = await Task.Run(Load, TestContext.Current.CancellationToken);

        var diagnostics = result.Snapshot.Diagnostics.Where(d => d.Path == "roles/data-scientist.md").ToArray();
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.UnreadableFile); // a parser fault, not a refusal
        if (diagnostics.Length == 0)
        {
            Assert.Contains(result.Snapshot.Roles, r => r.Slug == "data-scientist");
        }
        else
        {
            var refusal = Assert.Single(diagnostics);
            Assert.Contains(refusal.Code, new[] { DiagnosticCodes.MarkdownTooComplex, DiagnosticCodes.LineTooLong, DiagnosticCodes.FileTooLarge });
        }

        Assert.Contains(result.Snapshot.Roles, r => r.Slug == "backend-developer");
    }

    [Fact]
    public void Every_case_is_within_the_file_size_limit()
    {
        foreach (var name in Cases().Select(row => row.Data))
        {
            Assert.True(Body(name).Length < Budget + 500, $"{name}: {Body(name).Length}");
        }
    }

    [Theory]
    [InlineData(130)]
    [InlineData(400)]
    public void Unclosed_brackets_that_parse_but_cannot_render_are_a_clear_diagnostic(int brackets)
    {
        // Found by the content fuzzer (seed 20261124, execution 70): a run of '[' that Markdig parses into nested
        // inlines and then refuses to render, which the loader reported as a bug in the site.
        WriteRole(t => t + "Text, b" + new string('[', brackets) + " and more.\n");

        var d = Assert.Single(new ContentLoader().Load(Content.Root).Snapshot.Diagnostics, d => d.Path == "roles/data-scientist.md");

        Assert.Equal(DiagnosticCodes.MarkdownTooComplex, d.Code);
    }

    [Fact]
    public void Markdig_refusing_deep_nesting_is_a_clear_diagnostic()
    {
        WriteRole(t => t + new string('>', 5_000) + " a\n");

        var d = Assert.Single(new ContentLoader().Load(Content.Root).Snapshot.Diagnostics, d => d.Path == "roles/data-scientist.md");

        Assert.Equal(DiagnosticCodes.MarkdownTooComplex, d.Code);
    }
}
