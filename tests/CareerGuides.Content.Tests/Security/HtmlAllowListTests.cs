using CareerGuides.Content.Loading;
using CareerGuides.Content.Parsing;
using CareerGuides.Content.Safety;

namespace CareerGuides.Content.Tests.Security;

/// <summary>
/// Rendered HTML is checked against the allow-list in one pass and sanitized only when the check does not admit it:
/// ordinary content must pass the check as Markdig wrote it, and anything outside the list must not.
/// </summary>
public sealed class HtmlAllowListTests
{
    private const string RichMarkdown = """
        Some *emphasis*, **strong** and `code`, a [link](https://example.org/a?b=1&c=2 "A title"), a [page](/roles/teacher),
        an <https://example.org> autolink, an [email](mailto:someone@example.org) and an image ![chart](/img/c.png "Chart").
        A line ending in a hard break  
        and "quotes", 'apostrophes', <angle brackets> & ampersands.

        > A quote.

        3. third
        4. fourth

        - a
        - b

        ```csharp
        var x = 1 < 2;
        ```

        ---

        | Left | Centre | Right |
        |:-----|:------:|------:|
        | a    | b      | c     |

        ## A heading
        """;

    [Fact]
    public void Markdig_output_of_every_construct_content_uses_is_admitted_as_written()
    {
        var html = MarkdownRendering.ToHtml(RichMarkdown);

        Assert.True(HtmlAllowList.Admits(html), html);
        Assert.Contains("<br />", html); // Markdig's own form: the sanitizer, had it run, would have written <br>.
        Assert.Contains("<td class=\"align-center\">", html);
        Assert.Contains("<ol start=\"3\">", html);
        Assert.Contains("<code class=\"language-csharp\">", html);
    }

    [Fact]
    public void Every_fragment_of_the_real_content_is_within_the_allow_list()
    {
        var snapshot = new ContentLoader().Load(RepositoryPaths.Content).Snapshot;
        var fragments = snapshot.Guides
            .SelectMany(g => new[] { g.Sections.CanYouMove, g.Sections.WhyPeopleMove, g.Sections.HowRealistic, g.Sections.InterviewFraming }
                .Concat(g.Faqs.Select(f => f.AnswerHtml)))
            .Concat(snapshot.Roles.Select(r => r.OverviewHtml))
            .Select(text => text.ToString())
            .ToList();

        Assert.True(fragments.Count > 100);
        Assert.All(fragments, html => Assert.True(HtmlAllowList.Admits(html), html));
    }

    [Fact]
    public void Faq_answers_keep_the_html_a_separate_render_of_each_gives()
    {
        var snapshot = new ContentLoader().Load(RepositoryPaths.Content).Snapshot;
        var faqs = snapshot.Guides.SelectMany(g => g.Faqs).ToList();

        Assert.True(faqs.Count > 50);
        Assert.All(faqs, faq =>
        {
            var html = faq.AnswerHtml.ToString();
            Assert.StartsWith("<p>", html, StringComparison.Ordinal);
            Assert.True(HtmlAllowList.Admits(html), html);
        });

        const string Answer = "Yes: **most** people do, see [the guide](/guides/x) and <https://example.org>.\n\n- one\n- two";
        var fragment = MarkdownRendering.RenderFragment(Answer);
        Assert.Equal(
            "<p>Yes: <strong>most</strong> people do, see <a href=\"/guides/x\">the guide</a> and <a href=\"https://example.org\">https://example.org</a>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n",
            fragment.Html?.ToString());

        // Rendered as a string or straight to UTF-8, the HTML is the same.
        Assert.Equal(MarkdownRendering.RenderBlocks([.. MarkdownRendering.Parse(Answer)]), fragment.Html?.ToString());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<p>ok</p><script>alert(1)</script>")]
    [InlineData("<img src=\"x\" onerror=\"alert(1)\" />")]
    [InlineData("<img src=x>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">x</a>")]
    [InlineData("<a href=\"java&#x73;cript:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#x20;javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"data:text/html,x\">x</a>")]
    [InlineData("<a href=\"java\tscript:alert(1)\">x</a>")]
    [InlineData("<a title=\"x\" style=\"color:red\">x</a>")]
    [InlineData("<A HREF=\"/x\">x</A>")]
    [InlineData("<p/onload=\"alert(1)\">")]
    [InlineData("<p title=\"a\" >")]
    [InlineData("<p title='a'>")]
    [InlineData("<p title=\"a>")]
    [InlineData("<p title=\"<script>\">")]
    [InlineData("<!-- comment -->")]
    [InlineData("<div>x</div>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    [InlineData("text < more")]
    [InlineData("<p")]
    [InlineData("</p")]
    public void Html_outside_the_list_is_not_admitted_and_is_sanitized(string html)
    {
        Assert.False(HtmlAllowList.Admits(html));

        var secured = MarkdownRendering.Secure(html);
        Assert.DoesNotMatch("(?i)<(script|div|svg|iframe)|on(error|load)=|javascript|data:|style=", secured);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain text &lt;b&gt; &amp; more")]
    [InlineData("<p>a <a href=\"https://example.org/?a=1&amp;b=2\" title=\"T\">b</a></p>\n")]
    [InlineData("<p><img src=\"/img/x.png\" alt=\"x\" /></p>")]
    [InlineData("<p>a<br />\nb</p><hr />")]
    [InlineData("<p><a href=\"mailto:a@example.org\">a</a> <a href=\"#top\">b</a></p>")]
    public void Html_within_the_list_is_admitted_unchanged(string html)
    {
        Assert.True(HtmlAllowList.Admits(html));
        Assert.Equal(html, MarkdownRendering.Secure(html));
    }

    [Fact]
    public void Every_bundled_file_and_unsafe_markdown_render_the_same_html_as_a_string_and_as_utf8()
    {
        var texts = Directory.EnumerateFiles(RepositoryPaths.Content, "*.md", SearchOption.AllDirectories).Select(File.ReadAllText)
            .Append(RichMarkdown)
            .Append("Text <script>alert(1)</script> and <img src=x onerror=alert(1)> and [a](javascript:alert(1)) — £45,000 ✓");
        foreach (var text in texts)
        {
            var blocks = MarkdownRendering.Parse(text).ToArray();

            var html = MarkdownRendering.RenderBlocks(blocks);

            Assert.Equal(html, MarkdownRendering.RenderBlocksUtf8(blocks).ToString());
            Assert.True(HtmlAllowList.Admits(html), html);
        }
    }
}
