using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Parsing;
using YamlDotNet.RepresentationModel;

namespace CareerGuides.Content.Tests;

/// <summary>
/// The front matter is read by YamlDotNet straight from the file's text: whatever the line breaks, every node, value
/// and position must be those of the YAML between the fences read on its own.
/// </summary>
public sealed class FrontMatterTextTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void The_front_matter_reads_as_the_yaml_between_its_fences(string lineBreak)
    {
        var guide = ReferenceGuide();

        // A blank line, a comment and trailing spaces inside the front matter, as editors leave them.
        guide = guide.Replace("\ntitle:", "\n\n# the page's heading   \ntitle:", StringComparison.Ordinal);
        var close = guide.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        var yaml = guide[4..close];
        var text = guide.Replace("\n", lineBreak, StringComparison.Ordinal);

        var bag = new DiagnosticBag("guides/x.md");
        var parsed = ContentFileParser.Parse(text, bag);

        Assert.Empty(bag.Items);
        Assert.NotNull(parsed);
        var expected = new YamlStream();
        expected.Load(new StringReader(yaml));
        Assert.Equal(Nodes(expected.Documents[0].RootNode), Nodes(parsed.FrontMatter));
        Assert.True(Nodes(parsed.FrontMatter).Length > 100);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void The_yaml_is_read_in_place_from_the_files_own_text(string lineBreak)
    {
        var text = ReferenceGuide().Replace("\n", lineBreak, StringComparison.Ordinal);
        var block = MarkdownRendering.Parse(text).OfType<Markdig.Extensions.Yaml.YamlFrontMatterBlock>().Single();

        var (source, start, length) = ContentFileParser.FrontMatterText(text, block);

        Assert.Same(text, source);
        Assert.Equal(block.Lines.ToString(), text.Substring(start, length));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_yaml_error_is_placed_on_its_line_of_the_file(string lineBreak)
    {
        var guide = ReferenceGuide();
        var lines = guide.Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith("summary:", StringComparison.Ordinal));
        lines[at] = "summary: [an unclosed list";
        var bag = new DiagnosticBag("guides/x.md");

        Assert.Null(ContentFileParser.Parse(string.Join(lineBreak, lines), bag));

        var error = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCodes.MalformedYaml, error.Code);
        Assert.Equal(at + 1, error.Line);
    }

    /// <summary>The reference guide's text with LF line breaks, however the checkout stored it.</summary>
    private static string ReferenceGuide() =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Content, "guides", "data-scientist-to-backend-developer.md"))
            .Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string[] Nodes(YamlNode root) =>
        [.. root.AllNodes.Select(n => $"{n.Start.Line}:{n.Start.Column}-{n.End.Line}:{n.End.Column} {n.NodeType} {(n as YamlScalarNode)?.Value}")];
}
