using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Safety;
using Markdig.Extensions.Yaml;
using Markdig.Helpers;
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
/// Refuses, before parsing, text beyond the <see cref="ContentLimits"/>; and reports (and neutralises) every link or
/// image in the body whose address is not allowed (<see cref="LinkPolicy"/>).
/// </summary>
public static class ContentFileParser
{
    public static ParsedContentFile? Parse(string text, DiagnosticBag diagnostics)
    {
        if (!WithinTextLimits(text, diagnostics))
        {
            return null;
        }

        MarkdownDocument document;
        try
        {
            document = MarkdownRendering.Parse(text);
        }
        catch (ArgumentException e) when (MarkdownRendering.IsTooDeeplyNested(e))
        {
            diagnostics.Error(SourceLocation.FileStart, DiagnosticCodes.MarkdownTooComplex,
                "The Markdown nests quotes, lists, links or emphasis too deeply to be read safely.", null,
                "Look for a long run of '>', '-', '[' or '*' characters; a guide never needs more than a few levels of nesting.");
            return null;
        }

        var depth = MarkdownRendering.NestingDepth(document);
        if (depth > ContentLimits.MaxMarkdownDepth)
        {
            diagnostics.Error(SourceLocation.FileStart, DiagnosticCodes.MarkdownTooComplex,
                $"The Markdown nests quotes, lists, links or emphasis more than {ContentLimits.MaxMarkdownDepth} levels deep.", null,
                "Look for a long run of '>', '-', '[' or '*' characters; a guide never needs more than a few levels of nesting.");
            return null;
        }

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
        var (yamlText, yamlStart, yamlLength) = FrontMatterText(text, frontMatter);
        if (yamlLength > ContentLimits.MaxFrontMatterLength)
        {
            diagnostics.Error(new SourceLocation(yamlLineOffset + 1, 1), DiagnosticCodes.FrontMatterTooLarge,
                $"The front matter is {yamlLength:N0} characters long; the limit is {ContentLimits.MaxFrontMatterLength:N0}.", null,
                "Keep long text in the Markdown body; the front matter holds short fields.");
            return null;
        }

        YamlNode? root;
        var parser = new YamlGuard(new Parser(new SliceReader(yamlText, yamlStart, yamlLength)), yamlLineOffset);
        string Yaml() => yamlText.Substring(yamlStart, yamlLength);
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlGuard.LimitExceededException e)
        {
            diagnostics.Error(e.At, e.Code, e.Message, null, e.Hint);
            return null;
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
        catch (ArgumentException) when (parser.Current is { } current)
        {
            // YamlDotNet's node loader throws this on events it does not expect, e.g. a list item holding a map whose
            // later key is empty ("- b: 1\n  c: 2\n- : x"); found by the content fuzzer.
            var (line, column) = FindEmptyKey(Yaml()) ?? ((int)current.Start.Line, (int)current.Start.Column);
            diagnostics.Error(new SourceLocation(line + yamlLineOffset, column), DiagnosticCodes.MalformedYaml,
                "The front matter is not valid YAML here: a key is missing or a list item is out of place.",
                null,
                MalformedYamlHint);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, on some unterminated flow collections ("[a, b").
            var (line, column) = FindUnclosedBracket(Yaml());
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
        foreach (var url in MarkdownRendering.FindDisallowedUrls(document))
        {
            ReportDisallowedUrl(diagnostics, new SourceLocation(url.Line, url.Column), url, null);
        }

        // The closing fence is the line after the YAML; the body begins on the line after that (1-based: +3).
        var bodyStart = new SourceLocation(frontMatter.Line + frontMatter.Lines.Count + 3, 1);
        return new ParsedContentFile(root, yamlLineOffset, body, bodyStart);
    }

    /// <summary>
    /// Where the front matter's YAML stands: in the file's own text when its lines lie there one after another, as
    /// Markdig keeps them (read without a copy); otherwise in a copy of the lines joined by their own line breaks.
    /// Either way the characters are those of <c>frontMatter.Lines.ToString()</c>.
    /// </summary>
    internal static (string Text, int Start, int Length) FrontMatterText(string text, YamlFrontMatterBlock frontMatter)
    {
        var lines = frontMatter.Lines;
        if (lines.Count == 0)
        {
            return ("", 0, 0);
        }

        var first = lines.Lines[0].Slice;
        var last = lines.Lines[lines.Count - 1].Slice;
        var contiguous = ReferenceEquals(first.Text, text);
        for (var i = 1; contiguous && i < lines.Count; i++)
        {
            var (previous, current) = (lines.Lines[i - 1], lines.Lines[i].Slice);
            var gap = previous.Slice.End + 1;
            contiguous = ReferenceEquals(current.Text, text) && current.Start >= gap
                && text.AsSpan(gap, current.Start - gap).SequenceEqual(previous.NewLine.AsString());
        }

        if (contiguous)
        {
            return (text, first.Start, last.End + 1 - first.Start);
        }

        var copy = lines.ToString();
        return (copy, 0, copy.Length);
    }

    /// <summary>Reports a link or image address that is not allowed (it has been neutralised already).</summary>
    public static void ReportDisallowedUrl(DiagnosticBag diagnostics, SourceLocation at, DisallowedUrl url, string? field) =>
        diagnostics.Error(at, DiagnosticCodes.DisallowedUrl,
            $"The {url.Kind} address '{Shorten(url.Url)}' is not allowed{(field is null ? "" : $" in '{field}'")}: only http, https, mailto and addresses within the site are.",
            field,
            "Link to a web page (https://...), an email address (mailto:...) or a page of this site (/roles/teacher).");

    private static string Shorten(string url)
    {
        var printable = new string([.. url.Select(c => char.IsControl(c) ? '?' : c)]);
        return printable.Length <= 80 ? printable : printable[..80] + "...";
    }

    /// <summary>Checks the size, line length and bracket count before any parser sees the text.</summary>
    private static bool WithinTextLimits(string text, DiagnosticBag diagnostics)
    {
        if (text.Length > ContentLimits.MaxFileBytes)
        {
            diagnostics.Error(SourceLocation.FileStart, DiagnosticCodes.FileTooLarge,
                $"The file is {text.Length:N0} characters long; the limit is {ContentLimits.MaxFileBytes:N0}.", null,
                "A guide or role is a few thousand words at most: split the text or remove what was pasted by mistake.");
            return false;
        }

        // Line by line with a vectorised search for the line break: a loop over every character was 2% of a parse.
        var line = 1;
        for (var start = 0; start <= text.Length; line++)
        {
            var length = text.AsSpan(start).IndexOf('\n');
            length = length < 0 ? text.Length - start : length;
            if (length > ContentLimits.MaxLineLength)
            {
                diagnostics.Error(new SourceLocation(line, ContentLimits.MaxLineLength + 1), DiagnosticCodes.LineTooLong,
                    $"Line {line} is {length:N0} characters long; the limit is {ContentLimits.MaxLineLength:N0}.", null,
                    "Break the text into paragraphs (a blank line between them).");
                return false;
            }

            start += length + 1;
        }

        var brackets = text.AsSpan().Count('[');
        if (brackets > ContentLimits.MaxOpenBrackets)
        {
            diagnostics.Error(SourceLocation.FileStart, DiagnosticCodes.MarkdownTooComplex,
                $"The file has {brackets:N0} '[' characters; the limit is {ContentLimits.MaxOpenBrackets:N0}.", null,
                "A page needs a few dozen links at most: remove what was pasted by mistake.");
            return false;
        }

        var pipes = text.AsSpan().Count('|');
        if (pipes > ContentLimits.MaxPipes)
        {
            diagnostics.Error(SourceLocation.FileStart, DiagnosticCodes.MarkdownTooComplex,
                $"The file has {pipes:N0} '|' characters; the limit is {ContentLimits.MaxPipes:N0}.", null,
                "A table needs a few dozen rows at most: split a very large table or remove what was pasted by mistake.");
            return false;
        }

        return true;
    }

    private const string MalformedYamlHint =
        "Check the indentation (spaces, not tabs), close every '[' and '{', and quote any text that contains ': ' or starts with a special character such as '*', '&', '[' or '{'.";

    /// <summary>The 1-based line and column of the first key left empty (<c>- : value</c> or <c>: value</c>), if any.</summary>
    private static (int Line, int Column)? FindEmptyKey(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Regex.Match(lines[i], @"^(\s*(?:-\s+)?)(:)(\s|$)");
            if (match.Success)
            {
                return (i + 1, match.Groups[2].Index + 1);
            }
        }

        return null;
    }

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
