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
            var text = RandomText(random, 24);
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

    [Fact]
    public void The_sites_pipeline_uses_the_fast_parser_and_no_other_front_matter_parser()
    {
        var builder = MarkdownRendering.PipelineBuilder();
        builder.Build();

        Assert.IsType<FrontMatterFenceParser>(Assert.Single(builder.BlockParsers.OfType<YamlFrontMatterParser>()));
    }

    /// <summary>
    /// Markdig turns NUL characters into U+FFFD before its parsers see the text, so the scan's handling of NUL, kept
    /// as Markdig's own, is compared here directly against Markdig's loop (as its version 1.6.0 reads), on random text.
    /// </summary>
    [Fact]
    public void The_closing_fence_scan_agrees_with_markdigs_loop_on_random_text_with_nul_characters()
    {
        var random = new Random(1125);
        var found = 0;
        for (var i = 0; i < 50_000; i++)
        {
            var text = RandomText(random, 16);
            var start = random.Next(0, text.Length + 1);
            var expected = MarkdigScan(text, start);
            Assert.True(expected == FrontMatterFenceParser.HasClosingFence(text, start), $"{Escape(text)} from {start}");
            found += expected ? 1 : 0;
        }

        Assert.InRange(found, 1_000, 49_000);
    }

    // Markdig 1.6.0's YamlFrontMatterParser.TryOpen scan, over StringSlice(text, start, text.Length - 1).
    private static bool MarkdigScan(string text, int start)
    {
        var slice = new Markdig.Helpers.StringSlice(text, start, text.Length - 1);
        var c = slice.CurrentChar;
        while (c != '\0')
        {
            c = slice.NextChar();
            if (c != '\n' && c != '\r')
            {
                continue;
            }

            if (c == '\r' && slice.PeekChar() == '\n')
            {
                c = slice.NextChar();
            }

            var fence = slice.PeekChar();
            if ((fence == '-' || fence == '.') && slice.NextChar() == fence && slice.NextChar() == fence && slice.NextChar() == fence
                && (slice.NextChar() == '\0' || slice.SkipSpacesToEndOfLineOrEndOfDocument()))
            {
                return true;
            }
        }

        return false;
    }

    private static string Escape(string text) =>
        text.Replace("\0", "\\0", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string RandomText(Random random, int maxPieces) =>
        string.Concat(Enumerable.Range(0, random.Next(0, maxPieces)).Select(_ => Pieces[random.Next(Pieces.Length)]));

    private static string Describe(MarkdownDocument document) =>
        document.FirstOrDefault() is YamlFrontMatterBlock front
            ? $"front matter {front.Line}:{front.Span.Start}-{front.Span.End} [{front.Lines}] then {document.Count - 1} blocks"
            : $"no front matter, {document.Count} blocks";
}
