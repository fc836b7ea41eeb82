using CareerGuides.Content.Model;
using CareerGuides.Content.Safety;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CareerGuides.Content.Parsing;

/// <summary>An address content may not link to, where Markdig found it (1-based, relative to the parsed text).</summary>
/// <param name="Url">The address as Markdig decoded it.</param>
/// <param name="Line">1-based line in the parsed text.</param>
/// <param name="Column">1-based column in the parsed text.</param>
/// <param name="Kind">"link", "image", "autolink" or "link reference".</param>
public sealed record DisallowedUrl(string Url, int Line, int Column, string Kind);

/// <summary>A Markdown fragment rendered to HTML, or refused because it nests too deeply to parse safely.</summary>
/// <param name="Html">The HTML, or null when refused.</param>
/// <param name="DisallowedUrls">Addresses that were neutralised (rendered as links to nowhere).</param>
public sealed record RenderedFragment(Utf8Text? Html, IReadOnlyList<DisallowedUrl> DisallowedUrls);

/// <summary>
/// The one Markdig pipeline of the site, built once: YAML front matter recognised, raw HTML off (written HTML is
/// shown as text), pipe tables on, and no extension that lets an editor write attributes (generic attributes stay
/// off). It is immutable and safe to share between threads.
/// <para>
/// Rendering is defended three times over: links and images whose address is not http, https, mailto or relative
/// are found in the syntax tree and neutralised (and reported by the loader, see <see cref="FindDisallowedUrls"/>);
/// table alignment becomes a class (<c>align-left</c>, <c>align-center</c>, <c>align-right</c>) rather than an
/// inline style, so the site's Content-Security-Policy needs no 'unsafe-inline'; and the HTML is checked against an
/// allow-list as a second line (<see cref="HtmlAllowList"/>), and passed through an HTML sanitizer whenever the check
/// does not admit it, should a Markdig extension or bug ever emit something it should not.
/// </para>
/// </summary>
public static class MarkdownRendering
{
    public static MarkdownPipeline Pipeline { get; } = PipelineBuilder().Build();

    // The front matter's parser goes in first: Markdig's extension then sees a YAML front-matter parser in place and
    // adds only what it renders with (when the pipeline is built).
    internal static MarkdownPipelineBuilder PipelineBuilder()
    {
        var builder = new MarkdownPipelineBuilder();
        builder.BlockParsers.Insert(0, new FrontMatterFenceParser());
        return builder.UseYamlFrontMatter().UsePipeTables().DisableHtml();
    }

    /// <summary>Parses a whole file (front matter and body).</summary>
    /// <exception cref="ArgumentException">Markdig refused the text as too deeply nested (see <see cref="IsTooDeeplyNested"/>).</exception>
    public static MarkdownDocument Parse(string text) => Markdown.Parse(text, Pipeline);

    /// <summary>Whether an exception is Markdig's refusal of input nested beyond its depth limit.</summary>
    public static bool IsTooDeeplyNested(Exception exception) =>
        exception is ArgumentException && exception.Message.Contains("too deeply nested", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The deepest nesting of blocks and inlines in the tree, measured without recursion. Markdig refuses to parse
    /// or render past its own depth limit by throwing; the loader refuses earlier, at <see cref="ContentLimits.MaxMarkdownDepth"/>.
    /// </summary>
    public static int NestingDepth(MarkdownObject root)
    {
        var deepest = 0;
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            if (depth > ContentLimits.MaxMarkdownDepth)
            {
                return depth;
            }

            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth + 1));
                    break;
                case ContainerInline containerInline:
                    for (var child = containerInline.FirstChild; child is not null; child = child.NextSibling)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
            }
        }

        return deepest;
    }

    /// <summary>
    /// Finds every link, image, autolink and link reference definition whose address is not allowed
    /// (<see cref="LinkPolicy"/>) and neutralises it in place: links and images point nowhere, autolinks become text.
    /// A link that uses a reference definition is reported once, at the definition.
    /// </summary>
    public static IReadOnlyList<DisallowedUrl> FindDisallowedUrls(MarkdownObject root)
    {
        var found = new List<DisallowedUrl>();
        var autolinks = new List<AutolinkInline>();
        foreach (var node in root.Descendants())
        {
            switch (node)
            {
                case LinkReferenceDefinition definition when !LinkPolicy.IsAllowed(definition.Url):
                    found.Add(new DisallowedUrl(definition.Url ?? "", definition.Line + 1, definition.Column + 1, "link reference"));
                    definition.Url = "";
                    break;
                case LinkInline link when !LinkPolicy.IsAllowed(link.Url) || !LinkPolicy.IsAllowed(link.GetDynamicUrl?.Invoke()):
                    if (link.Reference is null)
                    {
                        found.Add(new DisallowedUrl(link.Url ?? "", link.Line + 1, link.Column + 1, link.IsImage ? "image" : "link"));
                    }

                    link.Url = "";
                    link.GetDynamicUrl = null;
                    break;
                case AutolinkInline autolink when !autolink.IsEmail && !LinkPolicy.IsAllowed(autolink.Url):
                    found.Add(new DisallowedUrl(autolink.Url, autolink.Line + 1, autolink.Column + 1, "autolink"));
                    autolinks.Add(autolink);
                    break;
            }
        }

        foreach (var autolink in autolinks)
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }

        return found;
    }

    /// <summary>
    /// Each loading thread's renderers, made once and reused (setting a renderer up builds a score of object
    /// renderers, which cost more than rendering a short section).
    /// </summary>
    [ThreadStatic]
    private static (HtmlRenderer Html, StringWriter Writer)? _renderers;

    private static (HtmlRenderer Html, StringWriter Writer) Renderers()
    {
        if (_renderers is { } renderers)
        {
            return renderers;
        }

        var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var html = new HtmlRenderer(writer);
        Pipeline.Setup(html);
        _renderers = (html, writer);
        return _renderers.Value;
    }

    /// <summary>Renders a run of top-level blocks of a parsed document to sanitised HTML.</summary>
    public static string RenderBlocks(IEnumerable<Block> blocks) => Render(blocks, static output => Secure(output.ToString()));

    /// <summary>
    /// Renders a run of top-level blocks to sanitised HTML as UTF-8, encoded straight from the renderer's buffer when
    /// the allow-list admits it (a string per section in between was 80 MB of allocations per 10,000 guides loaded).
    /// </summary>
    public static Utf8Text RenderBlocksUtf8(IEnumerable<Block> blocks) => Render(blocks, static output =>
    {
        // One chunk once the reused buffer has grown to fit (clearing a builder keeps its capacity in one chunk).
        var chunks = output.GetChunks();
        if (chunks.MoveNext() && chunks.Current.Span.Length == output.Length && HtmlAllowList.Admits(chunks.Current.Span))
        {
            return Utf8Text.FromChars(chunks.Current.Span);
        }

        return new Utf8Text(Secure(output.ToString()));
    });

    private static T Render<T>(IEnumerable<Block> blocks, Func<System.Text.StringBuilder, T> finish)
    {
        var (renderer, writer) = Renderers();
        var output = writer.GetStringBuilder().Clear();
        try
        {
            foreach (var block in blocks)
            {
                AlignTablesWithClasses(block);
                renderer.Render(block);
            }

            writer.Flush();
            return finish(output);
        }
        catch
        {
            _renderers = null; // A renderer that failed half-way may hold state: the next render makes new ones.
            throw;
        }
        finally
        {
            output.Clear();
        }
    }

    /// <summary>The HTML as it is when the allow-list admits it, sanitized otherwise.</summary>
    public static string Secure(string html) => HtmlAllowList.Admits(html) ? html : Sanitize(html);

    /// <summary>Renders a Markdown fragment (an FAQ answer) to sanitised HTML, neutralising disallowed addresses.</summary>
    public static RenderedFragment RenderFragment(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException e) when (IsTooDeeplyNested(e))
        {
            return new RenderedFragment(null, []);
        }

        if (NestingDepth(document) > ContentLimits.MaxMarkdownDepth)
        {
            return new RenderedFragment(null, []);
        }

        var disallowed = FindDisallowedUrls(document);
        return new RenderedFragment(RenderBlocksUtf8([.. document]), disallowed);
    }

    /// <summary>Renders a Markdown fragment to HTML (an FAQ answer); text nested too deeply to parse is shown escaped.</summary>
    public static string ToHtml(string markdown) =>
        RenderFragment(markdown).Html?.ToString() ?? $"<p>{System.Net.WebUtility.HtmlEncode(markdown)}</p>\n";

    /// <summary>
    /// Passes rendered HTML through the allow-list sanitizer (the second line of defence). Rendering calls it only
    /// for HTML that <see cref="HtmlAllowList.Admits(string)"/> does not admit as already within the list; Markdig's output of
    /// ordinary content always is, and parsing every fragment into a document cost a third of a large catalogue's load.
    /// </summary>
    public static string Sanitize(string html) => SanitizerHolder.Instance.Sanitize(html);

    /// <summary>Moves each table cell's alignment from Markdig's inline style to a class.</summary>
    private static void AlignTablesWithClasses(Block block)
    {
        var tables = block is Table t ? [t] : block is ContainerBlock container ? container.Descendants<Table>() : [];
        foreach (var table in tables)
        {
            var columns = table.ColumnDefinitions;
            foreach (var row in table.OfType<TableRow>())
            {
                for (var i = 0; i < row.Count; i++)
                {
                    if (row[i] is not TableCell cell || columns.Count == 0)
                    {
                        continue;
                    }

                    var index = cell.ColumnIndex < 0 || cell.ColumnIndex >= columns.Count ? i : cell.ColumnIndex;
                    var alignment = columns[Math.Min(index, columns.Count - 1)].Alignment;
                    var name = alignment switch
                    {
                        TableColumnAlign.Left => "align-left",
                        TableColumnAlign.Center => "align-center",
                        TableColumnAlign.Right => "align-right",
                        _ => null,
                    };
                    if (name is not null)
                    {
                        cell.GetAttributes().AddClass(name);
                    }
                }
            }

            foreach (var column in columns)
            {
                column.Alignment = null;
            }
        }
    }

    /// <summary>
    /// Holds the sanitizer, built on its first use: building it (AngleSharp's CSS parser and the sanitizer's compiled
    /// regular expressions) took about 0.1 s, on the load's critical path, for a sanitizer that Markdig's output of
    /// ordinary content never reaches.
    /// </summary>
    private static class SanitizerHolder
    {
        public static readonly HtmlSanitizer Instance = CreateSanitizer();

        // An explicit static constructor: the field is then initialised on the holder's first use and never earlier
        // (without one the runtime may run initialisers ahead of time).
        static SanitizerHolder()
        {
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(HtmlAllowList.Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(HtmlAllowList.Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(LinkPolicy.AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(HtmlAllowList.UriAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        return new HtmlSanitizer(options) { KeepChildNodes = false };
    }
}
