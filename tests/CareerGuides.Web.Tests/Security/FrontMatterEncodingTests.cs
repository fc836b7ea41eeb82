using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using CareerGuides.Web.Tests.Seo;

namespace CareerGuides.Web.Tests.Security;

/// <summary>
/// Whatever an editor writes in front matter is text: it is encoded in HTML text and attributes, in JSON-LD and in
/// XML, and comes back out of each exactly as written. Every text field of a role and a guide holds a hostile string,
/// and the real pages, the sitemap and the structured data are read back.
/// </summary>
public sealed class FrontMatterEncodingTests : IAsyncLifetime
{
    /// <summary>Closes the script element, opens one, breaks out of an attribute, an XML CDATA and an HTML comment.</summary>
    private const string Hostile = "</script><script>alert(\"x\")</script><img src=x onerror=alert(1)>\"' & ]]> <!-- \u2028 {{x}} </title>";

    private static string Yaml(string suffix) =>
        "\"" + (Hostile + " " + suffix).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\u2028", "\\L", StringComparison.Ordinal) + "\"";

    private static readonly string HostileRole = $"""
        ---
        title: {Yaml("title")}
        sector: {Yaml("sector")}
        summary: {Yaml("summary")}
        salary:
          entry: {"{"} min: 31000, max: 38000 {"}"}
          mid_career: {"{"} min: 38000, max: 50000 {"}"}
          senior: {"{"} min: 50000, max: 80000, open_ended: true {"}"}
        salary_source:
          name: {Yaml("source")}
          url: "https://example.org/?q=%22%3E%3Cscript%3E&x=\"><script>alert(1)</script>"
          reviewed: 2026-11-01
        typical_day:
          - activity: {Yaml("activity")}
            detail: {Yaml("detail")}
          - activity: Second
            detail: Second detail.
        ---
        Body with <script>alert(1)</script> and [a link](https://example.org "{Hostile.Replace("\"", "", StringComparison.Ordinal)}").

        """;

    private static readonly string HostileGuide = $"""
        ---
        from: teacher
        to: data-analyst
        summary: {Yaml("guide summary")}
        timeline_months: {"{"} min: 6, max: 12 {"}"}
        difficulty: moderate
        transferable_skills:
          - skill: {Yaml("skill")}
            in_old_role: {Yaml("in old role")}
            in_new_role: {Yaml("in new role")}
        skills_to_build:
          - skill: {Yaml("skill to build")}
            why: {Yaml("why")}
        faqs:
          - question: {Yaml("question")}
            answer: {Yaml("answer")}
        published: 2026-03-02
        updated: 2026-11-20
        ---
        ## Can you make the move

        {Hostile}

        ## Why people make this move

        Because.

        ## How realistic is it

        Realistic.

        ## Framing your background in interviews

        Carefully.

        """;

    private TempSite _temp = null!;

    public ValueTask InitializeAsync()
    {
        _temp = TempSite.Start(prepare: root =>
        {
            File.WriteAllText(Path.Combine(root, "roles", "teacher.md"), HostileRole);
            File.WriteAllText(Path.Combine(root, "guides", "teacher-to-data-analyst.md"), HostileGuide);
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _temp.DisposeAsync();

    [Fact]
    public void The_hostile_files_are_valid_content()
    {
        Assert.DoesNotContain(_temp.Store.Current.Diagnostics, d => d.Path.Contains("teacher", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/roles/teacher")]
    [InlineData("/guides/teacher-to-data-analyst")]
    [InlineData("/")]
    [InlineData("/roles")]
    [InlineData("/guides/teacher-to-ux-designer")]
    public async Task Pages_show_the_text_as_written_and_run_nothing(string path)
    {
        var (response, page) = await _temp.Site.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(page.QuerySelectorAll("script"), AssertDataOrOwnScript);
        Assert.Empty(page.QuerySelectorAll("main img"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Hostile, page.QuerySelector("main")!.TextContent.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_field_reaches_the_role_page_as_text()
    {
        var (_, page) = await _temp.Site.GetPageAsync("/roles/teacher");
        var text = page.Body!.TextContent;

        foreach (var field in new[] { "title", "sector", "summary", "source", "activity", "detail" })
        {
            Assert.Contains(Hostile + " " + field, text, StringComparison.Ordinal);
        }

        Assert.Equal(Hostile + " summary", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal(Hostile + " summary", page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
        Assert.StartsWith(Hostile + " title", page.Title, StringComparison.Ordinal);
        var source = page.QuerySelectorAll("a").Single(a => (a.GetAttribute("href") ?? "").StartsWith("https://example.org/?q=", StringComparison.Ordinal));
        Assert.Contains("\"><script>alert(1)</script>", source.GetAttribute("href")!, StringComparison.Ordinal); // one attribute's value, whole
        Assert.All(source.Attributes, a => Assert.True(a.Name is "href" or "rel" or "class", a.Name));
    }

    [Fact]
    public async Task Every_field_reaches_the_guide_page_as_text()
    {
        var (_, page) = await _temp.Site.GetPageAsync("/guides/teacher-to-data-analyst");
        var text = page.Body!.TextContent;

        foreach (var field in new[] { "guide summary", "skill", "in old role", "in new role", "skill to build", "why", "question", "answer", "title" })
        {
            Assert.Contains(Hostile + " " + field, text, StringComparison.Ordinal);
        }

        Assert.Equal(Hostile + " guide summary", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [Theory]
    [InlineData("/roles/teacher", "summary")]
    [InlineData("/guides/teacher-to-data-analyst", "guide summary")]
    public async Task Structured_data_is_valid_json_holding_the_text_exactly(string path, string field)
    {
        using var response = await _temp.Site.SendAsync(HttpMethod.Get, path);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await SeoTestSupport.ParseAsync(html);

        // The raw HTML never holds the hostile closing tag inside a script element: the JSON escapes '<'.
        foreach (var script in page.QuerySelectorAll("script"))
        {
            Assert.DoesNotContain("</script", script.InnerHtml, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<!--", script.InnerHtml, StringComparison.Ordinal);
        }

        var documents = page.JsonLd();
        Assert.NotEmpty(documents);
        var strings = documents.SelectMany(Strings).ToArray();
        Assert.Contains(Hostile + " " + field, strings);
    }

    [Fact]
    public async Task The_sitemap_stays_well_formed_xml()
    {
        using var response = await _temp.Site.SendAsync(HttpMethod.Get, "/sitemap.xml");
        var xml = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var document = XDocument.Parse(xml);

        Assert.Contains(document.Descendants().Where(e => e.Name.LocalName == "loc"), e => e.Value.EndsWith("/roles/teacher", StringComparison.Ordinal));
        Assert.DoesNotContain("<script", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_problem_listing_encodes_what_it_quotes()
    {
        await using var development = TempSite.Start("Development", prepare: root =>
            File.WriteAllText(Path.Combine(root, "guides", "teacher-to-data-analyst.md"), HostileGuide.Replace("## Why people make this move", "## " + Hostile, StringComparison.Ordinal)));
        Assert.Contains(development.Store.Current.Diagnostics, d => d.Message.Contains("<script>", StringComparison.Ordinal));

        var (response, page) = await development.Site.GetPageAsync("/_content/problems");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<script>alert", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("script"), AssertDataOrOwnScript);
        Assert.Empty(page.QuerySelectorAll("main img"));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    /// <summary>Every script is JSON-LD data or the site's own file from /js/ (guide pages): none comes from content.</summary>
    private static void AssertDataOrOwnScript(AngleSharp.Dom.IElement script)
    {
        if (script.GetAttribute("src") is { } src)
        {
            Assert.StartsWith("/js/", src, StringComparison.Ordinal);
            Assert.Empty(script.TextContent);
        }
        else
        {
            Assert.Equal("application/ld+json", script.GetAttribute("type"));
        }
    }
}
