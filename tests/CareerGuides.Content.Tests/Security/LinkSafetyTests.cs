using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Parsing;
using CareerGuides.Content.Safety;

namespace CareerGuides.Content.Tests.Security;

/// <summary>
/// Markdown is never a way in: raw HTML stays text, no syntax adds attributes, and a link or image address that is
/// not http, https, mailto or relative is reported where it stands and never rendered, in every form Markdown has.
/// </summary>
public sealed class LinkSafetyTests : LoaderTestBase
{
    /// <summary>Line 23 of the sample guide holds the first section's text ("Yes, you can.").</summary>
    private const int SectionLine = 23;

    [Theory]
    [InlineData("[x](javascript:alert(1))", "link", "javascript:alert(1)")]
    [InlineData("[x](JaVaScRiPt:alert(1))", "link", "JaVaScRiPt:alert(1)")]
    [InlineData("[x](&#106;avascript:alert(1))", "link", "javascript:alert(1)")]
    [InlineData("[x](&#x6A;&#x61;vascript&colon;alert(1))", "link", "javascript:alert(1)")]
    [InlineData("[x](java&#9;script:alert(1))", "link", "java?script:alert(1)")]
    [InlineData("[x](<\u0001 javascript:alert(1)>)", "link", "? javascript:alert(1)")]
    [InlineData("[x](<javascript:alert(1)>)", "link", "javascript:alert(1)")]
    [InlineData("[x](vbscript:msgbox(1))", "link", "vbscript:msgbox(1)")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "link", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("[x](file:///etc/passwd)", "link", "file:///etc/passwd")]
    [InlineData("![x](javascript:alert(1))", "image", "javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>", "autolink", "javascript:alert(1)")]
    [InlineData("<JAVASCRIPT:alert(1)>", "autolink", "JAVASCRIPT:alert(1)")]
    public void A_disallowed_address_in_the_body_is_reported_where_it_stands(string markdown, string kind, string shown)
    {
        WriteGuide(t => t.Replace("Yes, you can.", "Yes: " + markdown));

        var d = Assert.Single(Load().Snapshot.Diagnostics);

        Assert.Equal((DiagnosticCodes.DisallowedUrl, SectionLine, 6), (d.Code, d.Line, d.Column));
        Assert.Equal($"The {kind} address '{shown}' is not allowed: only http, https, mailto and addresses within the site are.", d.Message);
        Assert.True(d.IsError);
    }

    [Fact]
    public void A_disallowed_reference_definition_is_reported_once_at_the_definition()
    {
        WriteGuide(t => t.Replace("Yes, you can.", "Yes, [you][x] [can][x].\n\n[x]: javascript:alert(1)"));

        var d = Assert.Single(Load().Snapshot.Diagnostics);

        Assert.Equal((DiagnosticCodes.DisallowedUrl, SectionLine + 2, 1), (d.Code, d.Line, d.Column));
        Assert.Contains("link reference address 'javascript:alert(1)'", d.Message);
    }

    [Fact]
    public void A_disallowed_address_in_a_role_body_is_reported()
    {
        WriteRole(t => t.Replace("with **bold** text.", "with [a link](javascript:alert(1))."));

        var d = Assert.Single(Load().Snapshot.Diagnostics, d => d.Path.StartsWith("roles/"));

        Assert.Equal(("roles/data-scientist.md", DiagnosticCodes.DisallowedUrl), (d.Path, d.Code));
        Assert.Equal((18, 35), (d.Line, d.Column));
    }

    [Fact]
    public void A_disallowed_address_in_an_faq_answer_names_the_field()
    {
        WriteGuide(t => t.Replace("answer: Six to twelve *months*.", "answer: \"See [here](javascript:alert(1)).\""));

        var d = Assert.Single(Load().Snapshot.Diagnostics);

        Assert.Equal((DiagnosticCodes.DisallowedUrl, "faqs[0].answer", 17), (d.Code, d.Field, d.Line));
    }

    [Theory]
    [InlineData("[a](https://example.org/x?y=1#z)")]
    [InlineData("[a](http://example.org)")]
    [InlineData("[a](mailto:editor@example.org)")]
    [InlineData("[a](/roles/teacher)")]
    [InlineData("[a](../roles/teacher)")]
    [InlineData("[a](#faqs)")]
    [InlineData("[a](?page=2)")]
    [InlineData("<https://example.org>")]
    [InlineData("<editor@example.org>")]
    [InlineData("![chart](/img/chart.png)")]
    [InlineData("[a](HTTPS://EXAMPLE.ORG)")]
    public void Allowed_addresses_load_without_a_diagnostic(string markdown)
    {
        WriteGuide(t => t.Replace("Yes, you can.", "Yes: " + markdown));

        Assert.Empty(Load().Snapshot.Diagnostics);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    public void A_disallowed_address_is_neutralised_in_the_rendered_html(string markdown)
    {
        var document = MarkdownRendering.Parse(markdown);

        var found = MarkdownRendering.FindDisallowedUrls(document);
        var html = MarkdownRendering.RenderBlocks([.. document]);

        Assert.NotEmpty(found);
        Assert.DoesNotMatch("(?i)(href|src)=\"[^\"]*javascript", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("a <b onclick=\"x()\">b</b>", "a &lt;b onclick=&quot;x()&quot;&gt;b&lt;/b&gt;")]
    [InlineData("<!-- comment -->", "&lt;!-- comment --&gt;")]
    public void Raw_html_is_shown_as_text(string markdown, string expected)
    {
        var html = MarkdownRendering.ToHtml(markdown);

        Assert.Contains(expected, html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
    }

    [Theory]
    [InlineData("# Title {onclick=alert(1)}")]
    [InlineData("A paragraph {#id .class onmouseover=alert(1)}")]
    [InlineData("[link](https://example.org){onclick=alert(1)}")]
    [InlineData("![image](/a.png){onerror=alert(1)}")]
    public void No_attribute_syntax_adds_an_attribute(string markdown)
    {
        var html = MarkdownRendering.ToHtml(markdown);

        Assert.Contains("{", html); // the braces stay text: the generic attributes extension is off
        Assert.DoesNotMatch("<[a-z]+[^>]*\\s(on[a-z]+|id|class|style)=", html);
    }

    [Fact]
    public void Table_alignment_is_a_class_not_an_inline_style()
    {
        var html = MarkdownRendering.ToHtml("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n");

        Assert.DoesNotContain("style", html);
        Assert.Contains("<th class=\"align-left\">a</th>", html);
        Assert.Contains("<th class=\"align-center\">b</th>", html);
        Assert.Contains("<td class=\"align-right\">3</td>", html);
        Assert.Contains("<td>4</td>", html);
    }

    [Theory]
    [InlineData("<p onclick=\"alert(1)\">x</p>", "<p>x</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<p style=\"color:red\">x</p>", "<p>x</p>")]
    [InlineData("<script>alert(1)</script><p>x</p>", "<p>x</p>")]
    [InlineData("<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>", "")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>", "")]
    [InlineData("<td class=\"align-left\">x</td>", "x")]
    public void The_sanitizer_is_a_second_line_behind_the_pipeline(string html, string expected)
    {
        Assert.Equal(expected, MarkdownRendering.Sanitize(html));
    }

    [Theory]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData(" \tJavaScript:x", "javascript")]
    [InlineData("ja\nva\rscr\tipt:x", "javascript")]
    [InlineData("/relative:path", null)]
    [InlineData("page#frag:ment", null)]
    [InlineData("mailto:a@b", "mailto")]
    [InlineData("//example.org/x", null)]
    public void The_scheme_is_read_as_a_browser_reads_it(string url, string? scheme)
    {
        Assert.Equal(scheme, LinkPolicy.SchemeOf(url));
    }
}
