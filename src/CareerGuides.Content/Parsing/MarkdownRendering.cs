using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace CareerGuides.Content.Parsing;

/// <summary>
/// The one Markdig pipeline of the site, built once: YAML front matter recognised, raw HTML off (written HTML is
/// shown as text), pipe tables on. It is immutable and safe to share between threads.
/// </summary>
public static class MarkdownRendering
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    /// <summary>Parses a whole file (front matter and body).</summary>
    public static MarkdownDocument Parse(string text) => Markdown.Parse(text, Pipeline);

    /// <summary>Renders a run of top-level blocks of a parsed document to HTML.</summary>
    public static string RenderBlocks(IEnumerable<Block> blocks)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        foreach (var block in blocks)
        {
            renderer.Render(block);
        }

        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Renders a Markdown fragment (an FAQ answer) to HTML.</summary>
    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);

    /// <summary>Renders a Markdown fragment to plain text (for structured data).</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    /// <summary>Renders a Markdown fragment to HTML and to plain text from one parse.</summary>
    public static (string Html, string Text) ToHtmlAndPlainText(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        using var html = new StringWriter();
        var htmlRenderer = new HtmlRenderer(html);
        Pipeline.Setup(htmlRenderer);
        htmlRenderer.Render(document);

        using var text = new StringWriter();
        var textRenderer = new HtmlRenderer(text) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(textRenderer);
        textRenderer.Render(document);
        return (html.ToString(), text.ToString().Trim());
    }
}
