using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Model;
using CareerGuides.Content.Parsing;
using Markdig.Syntax;

namespace CareerGuides.Content.Loading;

/// <summary>
/// Reads one guide file on its own (front matter, body sections, FAQ answers) into a <see cref="ParsedGuide"/>, or
/// reports why it cannot be published. Everything that needs other files is left to <see cref="GuideLinker"/>.
/// </summary>
public static class GuideReader
{
    /// <summary>The four body sections: the heading an editor writes (compared without case or a final '?').</summary>
    public static IReadOnlyList<string> SectionHeadings { get; } =
    [
        "Can you make the move",
        "Why people make this move",
        "How realistic is it",
        "Framing your background in interviews",
    ];

    /// <param name="relativePath">The file's path under the content root.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="today">Today's date, for review-by warnings.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static ParsedGuide? Parse(string relativePath, string text, DateOnly today, DiagnosticBag diagnostics)
    {
        var slug = Slugs.FromPath(relativePath);
        var parsed = ContentFileParser.Parse(text, diagnostics);
        if (parsed is null)
        {
            return null;
        }

        var binder = new FrontMatterBinder(diagnostics, parsed.YamlLineOffset);
        var front = binder.Bind<GuideFrontMatter>(parsed.FrontMatter);
        var sections = ReadSections(parsed, diagnostics);
        if (front is null)
        {
            return null;
        }

        if (front.From == front.To)
        {
            diagnostics.Error(binder.Locate("to"), DiagnosticCodes.SameRole,
                $"'from' and 'to' are the same role ('{front.From}').", "to",
                "A guide describes a move between two different roles.");
        }

        var expectedSlug = Slugs.ForGuide(front.From, front.To);
        if (slug != expectedSlug)
        {
            diagnostics.Error(binder.Locate("from"), DiagnosticCodes.FileNameMismatch,
                $"The file name '{Path.GetFileName(relativePath)}' does not match its roles: a guide from '{front.From}' to '{front.To}' must be named '{expectedSlug}.md'.",
                "from",
                $"Rename the file to '{expectedSlug}.md', or correct 'from' and 'to'.");
        }

        CheckRange(front.TimelineMonths, "timeline_months", minimum: 1, binder, diagnostics);
        if (front.YearsToMidCareer is { } years)
        {
            CheckRange(years, "years_to_mid_career", minimum: 0, binder, diagnostics);
        }

        if (front.Updated < front.Published)
        {
            diagnostics.Error(binder.Locate("updated"), DiagnosticCodes.InvalidValue,
                $"'updated' ({front.Updated:yyyy-MM-dd}) is before 'published' ({front.Published:yyyy-MM-dd}).", "updated",
                "A guide cannot be updated before it was published: correct one of the two dates.");
        }

        ReviewDates.Check(front.ReviewBy, today, binder, diagnostics);
        var redirects = Redirects.Read(front.RedirectFrom, slug, binder, diagnostics);
        var faqs = RenderFaqs(front.Faqs, binder, diagnostics);

        if (diagnostics.HasErrors || sections is null)
        {
            return null;
        }

        return new ParsedGuide(
            slug,
            relativePath,
            front.From,
            binder.Locate("from"),
            front.To,
            binder.Locate("to"),
            front.Summary,
            new IntRange(front.TimelineMonths.Min, front.TimelineMonths.Max),
            front.Difficulty,
            front.YearsToMidCareer is { } y ? new IntRange(y.Min, y.Max) : null,
            [.. front.TransferableSkills.Select(s => new TransferableSkill(s.Skill, new Utf8Text(s.InOldRole), new Utf8Text(s.InNewRole)))],
            [.. front.SkillsToBuild.Select(s => new SkillToBuild(s.Skill, new Utf8Text(s.Why)))],
            [.. faqs],
            front.Published,
            front.Updated,
            sections,
            front.Draft,
            redirects);
    }

    /// <summary>Renders each FAQ answer, reporting addresses that are not allowed and answers nested too deeply.</summary>
    private static List<Faq> RenderFaqs(List<FaqFrontMatter> faqs, FrontMatterBinder binder, DiagnosticBag diagnostics)
    {
        var result = new List<Faq>(faqs.Count);
        for (var i = 0; i < faqs.Count; i++)
        {
            var field = $"faqs[{i}].answer";
            var rendered = MarkdownRendering.RenderFragment(faqs[i].Answer);
            if (rendered.Html is null)
            {
                diagnostics.Error(binder.Locate(field), DiagnosticCodes.MarkdownTooComplex,
                    $"'{field}' nests quotes, lists, links or emphasis too deeply to be read safely.", field,
                    "An answer is a paragraph or two: look for a long run of '>', '-', '[' or '*' characters.");
                continue;
            }

            foreach (var url in rendered.DisallowedUrls)
            {
                ContentFileParser.ReportDisallowedUrl(diagnostics, binder.Locate(field), url, field);
            }

            result.Add(new Faq(faqs[i].Question, rendered.Html));
        }

        return result;
    }

    private static void CheckRange(RangeFrontMatter range, string path, int minimum, FrontMatterBinder binder, DiagnosticBag diagnostics)
    {
        if (range.Min > range.Max)
        {
            diagnostics.Error(binder.Locate($"{path}.min"), DiagnosticCodes.MinAboveMax,
                $"'{path}.min' ({range.Min}) is greater than '{path}.max' ({range.Max}).", $"{path}.min",
                "Swap the two numbers, or correct the one that is wrong.");
        }

        if (range.Min < minimum)
        {
            diagnostics.Error(binder.Locate($"{path}.min"), DiagnosticCodes.InvalidValue,
                $"'{path}.min' must be at least {minimum}, but is {range.Min}.", $"{path}.min",
                $"Use a whole number of {minimum} or more.");
        }
    }

    /// <summary>Splits the body at its level-2 headings into the four known sections and renders each.</summary>
    private static GuideSections? ReadSections(ParsedContentFile parsed, DiagnosticBag diagnostics)
    {
        var found = new List<Block>?[SectionHeadings.Count];
        List<Block>? current = null;
        var complainedAboutPreamble = false;
        foreach (var block in parsed.Body)
        {
            if (block is HeadingBlock { Level: 2 } heading)
            {
                var title = HeadingText(heading);
                var index = IndexOfSection(title);
                var at = new SourceLocation(heading.Line + 1, heading.Column + 1);
                if (index < 0)
                {
                    var suggestion = FrontMatterBinder.Suggest(Normalise(title), SectionHeadings);
                    diagnostics.Error(at, DiagnosticCodes.UnknownSection,
                        $"'## {title}' is not one of the guide's sections.", null,
                        (suggestion is null ? "" : $"Did you mean '## {suggestion}'? ")
                        + $"The sections are: {string.Join(", ", SectionHeadings.Select(h => $"'## {h}'"))}. Use '###' for headings inside a section.");
                    current = null;
                    continue;
                }

                if (found[index] is not null)
                {
                    diagnostics.Error(at, DiagnosticCodes.DuplicateSection,
                        $"The section '## {SectionHeadings[index]}' appears more than once.", null,
                        "Merge the two sections into one.");
                    current = null;
                    continue;
                }

                current = found[index] = [];
                continue;
            }

            if (current is not null)
            {
                current.Add(block);
            }
            else if (!complainedAboutPreamble && Array.TrueForAll(found, f => f is null))
            {
                complainedAboutPreamble = true;
                diagnostics.Error(new SourceLocation(block.Line + 1, block.Column + 1), DiagnosticCodes.ContentBeforeSection,
                    "The body has text before its first section heading.", null,
                    $"Put it under one of the section headings, e.g. '## {SectionHeadings[0]}'.");
            }
        }

        for (var i = 0; i < found.Length; i++)
        {
            if (found[i] is null)
            {
                diagnostics.Error(parsed.BodyStart, DiagnosticCodes.MissingSection,
                    $"The section '## {SectionHeadings[i]}' is missing.", null,
                    $"Add a line '## {SectionHeadings[i]}' followed by the section's text.");
            }
            else if (found[i]!.Count == 0)
            {
                diagnostics.Error(parsed.BodyStart, DiagnosticCodes.MissingSection,
                    $"The section '## {SectionHeadings[i]}' is empty.", null,
                    "Write the section's text below its heading.");
            }
        }

        if (Array.Exists(found, f => f is null || f.Count == 0))
        {
            return null;
        }

        return new GuideSections(
            MarkdownRendering.RenderBlocksUtf8(found[0]!),
            MarkdownRendering.RenderBlocksUtf8(found[1]!),
            MarkdownRendering.RenderBlocksUtf8(found[2]!),
            MarkdownRendering.RenderBlocksUtf8(found[3]!));
    }

    private static int IndexOfSection(string title)
    {
        var normalised = Normalise(title);
        for (var i = 0; i < SectionHeadings.Count; i++)
        {
            if (Normalise(SectionHeadings[i]) == normalised)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Normalise(string heading) => heading.Trim().TrimEnd('?').Trim().ToLowerInvariant();

    private static string HeadingText(HeadingBlock heading) =>
        heading.Inline is null ? "" : string.Concat(heading.Inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()));
}
