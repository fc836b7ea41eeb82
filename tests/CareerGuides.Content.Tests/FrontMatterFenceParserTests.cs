using CareerGuides.Content.Parsing;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace CareerGuides.Content.Tests;

/// <summary>
/// The site's pipeline decides where front matter starts and ends exactly as Markdig's own YAML front-matter
/// extension does: its faster scan for the closing fence must not change which files have front matter, nor what it holds.
/// </summary>
public sealed class FrontMatterFenceParserTests
{
    private static readonly MarkdownPipeline MarkdigOwn = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().DisableHtml().Build();

    // Pieces that make or break a fence: dashes and dots, every kind of line break, spaces, tabs, a NUL, a Unicode
    // line separator, and ordinary text.
    private static readonly string[] Pieces = ["---", "...", "-", ".", "\n", "\r", "\r\n", " ", "\t", "\0", "\u2028", "a", "key: value", "----", "--- ", "...\t"];

    [Fact]
    public void Random_text_gets_the_same_front_matter_as_with_markdigs_own_parser()
    {
        var random = new Random(20261125);
        var withFrontMatter = 0;
        for (var i = 0; i < 30_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 24)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            if (random.Next(3) > 0)
            {
                text = (random.Next(2) == 0 ? "---\n" : "---  \r\n") + text;
            }

            var expected = Describe(Markdown.Parse(text, MarkdigOwn));
            Assert.Equal(expected, Describe(MarkdownRendering.Parse(text)));
            withFrontMatter += expected.StartsWith("front matter", StringComparison.Ordinal) ? 1 : 0;
        }

        // The random texts exercise both outcomes, plenty of each.
        Assert.InRange(withFrontMatter, 3_000, 27_000);
    }

    [Theory]
    [InlineData("---\ntitle: x\n---\nbody")]
    [InlineData("---\r\ntitle: x\r\n...\r\nbody")]
    [InlineData("---\ntitle: x\n---   \t\n")]
    [InlineData("---\ntitle: x\n---")]
    [InlineData("---\n---\n")]
    [InlineData("---\ntitle: x\n----\nbody")]
    [InlineData("---\ntitle: x\n--- x\nbody")]
    [InlineData("---\ntitle: x\n-\n---\nbody")]
    [InlineData("---\ntitle: x\0\n---\nbody")]
    [InlineData("---\ntitle: x\r---\rbody")]
    [InlineData("--- \ntitle: x\n --- \nbody")]
    public void Edge_cases_match_markdigs_own_parser(string text) =>
        Assert.Equal(Describe(Markdown.Parse(text, MarkdigOwn)), Describe(MarkdownRendering.Parse(text)));

    private static string Describe(MarkdownDocument document) =>
        document.FirstOrDefault() is YamlFrontMatterBlock front
            ? $"front matter {front.Line}:{front.Span.Start}-{front.Span.End} [{front.Lines}] then {document.Count - 1} blocks"
            : $"no front matter, {document.Count} blocks";
}
