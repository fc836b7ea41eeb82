using CareerGuides.Content.Diagnostics;

namespace CareerGuides.Content.Tests;

/// <summary>The file's shape: front matter fences and the guide body's four sections.</summary>
public sealed class BodyDiagnosticsTests : LoaderTestBase
{
    [Fact]
    public void A_file_without_front_matter_is_reported_at_its_start()
    {
        WriteGuide(_ => "## Can you make the move\n\nYes.\n");

        var d = SingleDiagnostic();

        Assert.Equal((1, 1, DiagnosticCodes.MissingFrontMatter), (d.Line, d.Column, d.Code));
    }

    [Fact]
    public void Front_matter_that_is_never_closed_is_reported()
    {
        WriteGuide(t => t.Replace("updated: 2026-11-20\n---\n", "updated: 2026-11-20\n"));

        var d = SingleDiagnostic();

        Assert.Equal((1, 1, DiagnosticCodes.UnclosedFrontMatter), (d.Line, d.Column, d.Code));
        Assert.Contains("'---'", d.Hint);
    }

    [Fact]
    public void An_unknown_section_heading_suggests_the_right_one()
    {
        WriteGuide(t => t.Replace("## Why people make this move", "## Why people make the move"));

        var diagnostics = Load().Snapshot.Diagnostics;

        var unknown = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.UnknownSection);
        Assert.Equal((25, 1), (unknown.Line, unknown.Column));
        Assert.StartsWith("Did you mean '## Why people make this move'?", unknown.Hint);
        var missing = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.MissingSection);
        Assert.Equal("The section '## Why people make this move' is missing.", missing.Message);
        Assert.Equal(21, missing.Line);
    }

    [Fact]
    public void Headings_match_without_regard_to_case_or_a_question_mark()
    {
        WriteGuide(t => t.Replace("## How realistic is it", "## how realistic is it?"));

        Assert.Empty(Load().Snapshot.Diagnostics);
    }

    [Fact]
    public void Text_before_the_first_section_is_an_error()
    {
        WriteGuide(t => t.Replace("---\n## Can you make the move", "---\nAn introduction.\n\n## Can you make the move"));

        var d = SingleDiagnostic();

        Assert.Equal((21, 1, DiagnosticCodes.ContentBeforeSection), (d.Line, d.Column, d.Code));
    }

    [Fact]
    public void A_section_given_twice_is_an_error()
    {
        WriteGuide(t => t + "\n## How realistic is it\n\nAgain.\n");

        var d = SingleDiagnostic();

        Assert.Equal((DiagnosticCodes.DuplicateSection, 37), (d.Code, d.Line));
    }

    [Fact]
    public void Sections_render_to_html_and_level_three_headings_stay_inside_them()
    {
        WriteGuide(t => t.Replace("Quite realistic.", "Quite realistic.\n\n### In practice\n\nIt takes *time*."));

        var guide = Assert.Single(Load().Snapshot.Guides);

        Assert.Equal("<p>Yes, you can.</p>\n", guide.Sections.CanYouMove.ToString());
        Assert.Equal("<p>Quite realistic.</p>\n<h3>In practice</h3>\n<p>It takes <em>time</em>.</p>\n", guide.Sections.HowRealistic.ToString());
        Assert.Equal("<p>Six to twelve <em>months</em>.</p>\n", guide.Faqs[0].AnswerHtml.ToString());
    }

    [Fact]
    public void A_faq_question_reads_back_exactly_as_written()
    {
        // Questions are kept as UTF-8: any text, not only ASCII, must come back unchanged.
        const string Question = "Can a teacher’s £ pay — and pension — carry over? «Oui» 数据";
        WriteGuide(t => t.Replace("question: How long does it take?", $"question: \"{Question}\""));

        var guide = Assert.Single(Load().Snapshot.Guides);

        Assert.Equal(Question, guide.Faqs[0].Question);
        Assert.Equal(guide.Faqs[0], new Model.Faq(Question, guide.Faqs[0].AnswerHtml));
        Assert.NotEqual(guide.Faqs[0], new Model.Faq(Question + "?", guide.Faqs[0].AnswerHtml));
        Assert.Equal(
            guide.Faqs[0].GetHashCode(),
            new Model.Faq(Question, guide.Faqs[0].AnswerHtml).GetHashCode());
    }

    [Fact]
    public void Raw_html_in_the_body_is_shown_as_text_not_run()
    {
        WriteGuide(t => t.Replace("Yes, you can.", "Yes <script>alert(1)</script> you can."));

        var guide = Assert.Single(Load().Snapshot.Guides);

        Assert.DoesNotContain("<script>", guide.Sections.CanYouMove.ToString());
        Assert.Contains("&lt;script&gt;", guide.Sections.CanYouMove.ToString());
    }
}
