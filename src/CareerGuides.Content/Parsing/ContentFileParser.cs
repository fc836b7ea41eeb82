using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CareerGuides.Content.Diagnostics;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CareerGuides.Content.Parsing;

/// <summary>A content file split into its front matter (as a YAML node tree) and its Markdown body.</summary>
/// <param name="FrontMatter">The root YAML node.</param>
/// <param name="YamlLineOffset">Lines of the file before the first line of YAML (the opening <c>---</c> and anything above).</param>
/// <param name="Body">The body's top-level Markdown blocks.</param>
/// <param name="BodyStart">Where the body starts in the file.</param>
public sealed record ParsedContentFile(
    YamlNode FrontMatter,
    int YamlLineOffset,
    ImmutableArray<Block> Body,
    SourceLocation BodyStart);

/// <summary>
/// Finds the front matter with Markdig and reads it with YamlDotNet. Reports a file without front matter, with
/// front matter that is never closed, and YAML that does not parse, each with the line and column in the file.
/// </summary>
public static class ContentFileParser
{
    public static ParsedContentFile? Parse(string text, DiagnosticBag diagnostics)
    {
        var document = MarkdownRendering.Parse(text);
        var frontMatter = document.OfType<YamlFrontMatterBlock>().FirstOrDefault();
        if (frontMatter is null)
        {
            var opens = text.StartsWith("---", StringComparison.Ordinal);
            diagnostics.Error(SourceLocation.FileStart,
                opens ? DiagnosticCodes.UnclosedFrontMatter : DiagnosticCodes.MissingFrontMatter,
                opens ? "The front matter is never closed." : "The file has no front matter.",
                null,
                opens
                    ? "End the front matter with a line holding only '---', then write the Markdown body below it."
                    : "Start the file with a line holding only '---', the fields, and another '---' line. See docs/content.md.");
            return null;
        }

        // Markdig lines are 0-based: the opening '---' stands on line frontMatter.Line, the YAML starts on the next.
        var yamlLineOffset = frontMatter.Line + 1;
        var yaml = frontMatter.Lines.ToString();
        YamlNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlException e)
        {
            diagnostics.Error(new SourceLocation((int)e.Start.Line + yamlLineOffset, (int)e.Start.Column),
                DiagnosticCodes.MalformedYaml,
                $"The front matter is not valid YAML: {TrimPeriod(e.InnerException?.Message ?? e.Message)}.",
                null,
                MalformedYamlHint);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, on some unterminated flow collections ("[a, b").
            var (line, column) = FindUnclosedBracket(yaml);
            diagnostics.Error(new SourceLocation(line + yamlLineOffset, column), DiagnosticCodes.MalformedYaml,
                "The front matter is not valid YAML: a '[' or '{' is never closed.",
                null,
                MalformedYamlHint);
            return null;
        }

        if (root is null)
        {
            diagnostics.Error(new SourceLocation(yamlLineOffset, 1), DiagnosticCodes.MissingFrontMatter,
                "The front matter is empty.", null, "Add the fields between the two '---' lines. See docs/content.md.");
            return null;
        }

        var body = document.Where(b => b is not YamlFrontMatterBlock).ToImmutableArray();

        // The closing fence is the line after the YAML; the body begins on the line after that (1-based: +3).
        var bodyStart = new SourceLocation(frontMatter.Line + frontMatter.Lines.Count + 3, 1);
        return new ParsedContentFile(root, yamlLineOffset, body, bodyStart);
    }

    private const string MalformedYamlHint =
        "Check the indentation (spaces, not tabs), close every '[' and '{', and quote any text that contains ': ' or starts with a special character such as '*', '&', '[' or '{'.";

    /// <summary>The 1-based line and column of the first '[' or '{' not closed on its own line, or (1, 1).</summary>
    private static (int Line, int Column) FindUnclosedBracket(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var depth = 0;
            var opened = -1;
            foreach (var (c, at) in lines[i].Select((c, at) => (c, at)))
            {
                if (c is '[' or '{')
                {
                    opened = depth++ == 0 ? at : opened;
                }
                else if (c is ']' or '}')
                {
                    depth--;
                }
            }

            if (depth > 0)
            {
                return (i + 1, opened + 1);
            }
        }

        return (1, 1);
    }

    /// <summary>YamlDotNet prefixes its messages with YAML-relative positions; the diagnostic has the file's own.</summary>
    private static string TrimPeriod(string message) =>
        Regex.Replace(message, @"^\(Line: [^)]*\) - \(Line: [^)]*\): ", "").Trim().TrimEnd('.');
}
