using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CareerGuides.Content.Model;

namespace CareerGuides.Web.Tests.Seo;

/// <summary>
/// JSON-LD that says what the page shows: Article, BreadcrumbList, FAQPage and two Occupations on a guide;
/// BreadcrumbList and Occupation on a role; WebSite and Organization on the home page.
/// </summary>
[Collection(SharedSite.Name)]
public sealed partial class StructuredDataTests(SiteFactory site)
{
    private const string GuidePath = "/guides/data-scientist-to-backend-developer";

    [Theory]
    [MemberData(nameof(SeoTestSupport.PageTypes), MemberType = typeof(SeoTestSupport))]
    public async Task Every_document_is_schema_org_json_ld(string path)
    {
        var (_, page) = await site.GetPageAsync(path);

        var documents = page.JsonLd();

        Assert.NotEmpty(documents);
        Assert.All(documents, d => Assert.Equal("https://schema.org", d.Str("@context")));
        Assert.All(page.QuerySelectorAll("script[type='application/ld+json']"), s => Assert.Equal("HEAD", s.ParentElement!.TagName));
    }

    [Fact]
    public async Task A_guide_describes_itself_as_an_article_with_what_the_page_shows()
    {
        var (_, page) = await site.GetPageAsync(GuidePath);

        var article = page.JsonLd("Article");

        var dates = page.QuerySelectorAll(".guide__dates time").Select(t => t.GetAttribute("datetime")!).ToArray();
        Assert.Equal(page.QuerySelector("h1")!.TextContent, article.Str("headline"));
        Assert.Equal(page.QuerySelector(".guide__header .lede")!.TextContent, article.Str("description"));
        Assert.Equal(page.Meta("meta[name=description]"), article.Str("description"));
        Assert.Equal(["2026-02-16", "2026-11-20"], dates);
        Assert.Equal(dates[0], article.Str("datePublished"));
        Assert.Equal(dates[1], article.Str("dateModified"));
        Assert.Equal(SiteFactory.BaseUrl + GuidePath, article.Str("url"));
        Assert.Equal(SiteFactory.BaseUrl + GuidePath, article.Str("mainEntityOfPage"));
        Assert.Equal("en-GB", article.Str("inLanguage"));
        foreach (var role in new[] { "author", "publisher" })
        {
            var organisation = article.GetProperty(role);
            Assert.Equal("Organization", organisation.Str("@type"));
            Assert.Equal("CareerGuides", organisation.Str("name"));
            Assert.Equal(SiteFactory.BaseUrl + "/", organisation.Str("url"));
        }
    }

    [Theory]
    [InlineData(GuidePath, new[] { "Home", "Roles", "Data Scientist", "Data Scientist to Backend Developer" }, new[] { "/", "/roles", "/roles/data-scientist" })]
    [InlineData("/roles/teacher", new[] { "Home", "Roles", "Teacher" }, new[] { "/", "/roles" })]
    [InlineData("/roles", new[] { "Home", "Roles" }, new[] { "/" })]
    public async Task Breadcrumbs_are_visible_and_their_structured_data_matches_them(string path, string[] names, string[] links)
    {
        var (_, page) = await site.GetPageAsync(path);

        var nav = Assert.Single(page.QuerySelectorAll("nav[aria-label=Breadcrumb]"));
        var items = nav.QuerySelectorAll("ol > li");
        var list = page.JsonLd("BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToArray();

        Assert.Equal(names, items.Select(i => i.TextContent.Trim()));
        Assert.Equal(links, nav.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("page", items[^1].GetAttribute("aria-current"));
        Assert.Null(items[^1].QuerySelector("a"));
        Assert.Equal(names, list.Select(i => i.Str("name")));
        Assert.Equal(Enumerable.Range(1, names.Length), list.Select(i => i.GetProperty("position").GetInt32()));
        Assert.All(list, i => Assert.Equal("ListItem", i.Str("@type")));
        Assert.Equal([.. links.Select(l => SiteFactory.BaseUrl + l), SiteFactory.BaseUrl + path], list.Select(i => i.Str("item")));
    }

    [Fact]
    public async Task The_home_page_has_no_breadcrumbs()
    {
        var (_, page) = await site.GetPageAsync("/");

        Assert.Null(page.QuerySelector("nav[aria-label=Breadcrumb]"));
        Assert.DoesNotContain(page.JsonLd(), d => d.Str("@type") == "BreadcrumbList");
    }

    [Fact]
    public async Task A_guides_faq_page_lists_every_visible_question_with_its_answer()
    {
        var (_, page) = await site.GetPageAsync(GuidePath);

        var questions = page.JsonLd("FAQPage").GetProperty("mainEntity").EnumerateArray().ToArray();
        var visible = page.QuerySelectorAll("#faqs .faq");

        Assert.Equal(8, questions.Length);
        Assert.Equal(visible.Select(f => f.QuerySelector("h3")!.TextContent), questions.Select(q => q.Str("name")));
        Assert.All(questions, q => Assert.Equal("Question", q.Str("@type")));
        Assert.All(questions, q => Assert.Equal("Answer", q.GetProperty("acceptedAnswer").Str("@type")));
        // The answer as the page shows it, as HTML (Google's FAQ markup takes links and lists in an answer).
        Assert.Equal(
            visible.Select(f => Fold(f.QuerySelector(".prose")!.InnerHtml)),
            questions.Select(q => Fold(q.GetProperty("acceptedAnswer").Str("text"))));
    }

    [Fact]
    public async Task A_guide_describes_both_roles_as_uk_occupations_with_the_salary_bands_it_shows()
    {
        var (_, page) = await site.GetPageAsync(GuidePath);

        var occupations = page.JsonLd().Where(d => d.Str("@type") == "Occupation").ToArray();

        Assert.Equal(["Data Scientist", "Backend Developer"], occupations.Select(o => o.Str("name")));
        AssertOccupation(occupations[0], SeoTestSupport.Content.FindRole("data-scientist")!, page.QuerySelectorAll("#salary td[data-band=from]"));
        AssertOccupation(occupations[1], SeoTestSupport.Content.FindRole("backend-developer")!, page.QuerySelectorAll("#salary td[data-band=to]"));
    }

    [Fact]
    public async Task A_role_page_describes_its_role_as_an_occupation_with_the_salary_bands_it_shows()
    {
        var (_, page) = await site.GetPageAsync("/roles/teacher");

        var occupation = page.JsonLd("Occupation");

        Assert.Equal("Teacher", occupation.Str("name"));
        Assert.Equal(page.QuerySelector(".lede")!.TextContent, occupation.Str("description"));
        AssertOccupation(occupation, SeoTestSupport.Content.FindRole("teacher")!, page.QuerySelectorAll(".salary-table td"));
        Assert.Equal(page.QuerySelector(".salary__sources time")!.GetAttribute("datetime"), occupation.GetProperty("mainEntityOfPage").Str("lastReviewed"));
    }

    [Fact]
    public async Task The_home_page_describes_the_web_site_and_its_organisation()
    {
        var (_, page) = await site.GetPageAsync("/");

        var website = page.JsonLd("WebSite");
        var organisation = page.JsonLd("Organization");

        Assert.Equal("CareerGuides", website.Str("name"));
        Assert.Equal(SiteFactory.BaseUrl + "/", website.Str("url"));
        Assert.Equal("en-GB", website.Str("inLanguage"));
        Assert.Equal("Organization", website.GetProperty("publisher").Str("@type"));
        Assert.Equal("CareerGuides", website.GetProperty("publisher").Str("name"));
        Assert.Equal("CareerGuides", organisation.Str("name"));
        Assert.Equal(SiteFactory.BaseUrl + "/", organisation.Str("url"));
        Assert.Equal(2, page.JsonLd().Length);
    }

    [Fact]
    public async Task Error_pages_have_no_structured_data()
    {
        var (_, page) = await site.GetPageAsync("/guides/astronaut-to-teacher");

        Assert.Empty(page.JsonLd());
    }

    [Fact]
    public async Task Content_holding_a_closing_script_tag_cannot_break_out_of_the_json_ld()
    {
        const string Summary = "Ends early? </script><script>alert(1)</script> <!-- & \"quoted\" --> </SCRIPT >";
        const string Question = "Is </script> safe? <!--";
        using var content = new SeoTestSupport.ContentCopy()
            .Replace(
                "guides/data-scientist-to-backend-developer.md",
                "summary: \"Data scientist to backend developer in the UK: what carries over, the five technical gaps to close and how to pitch your experience.\"",
                "summary: 'Ends early? </script><script>alert(1)</script> <!-- & \"quoted\" --> </SCRIPT >'")
            .Replace(
                "guides/data-scientist-to-backend-developer.md",
                "  - question: Can I realistically move from Data Scientist to Backend Developer?",
                "  - question: 'Is </script> safe? <!--'")
            .Replace("roles/data-scientist.md", "title: Data Scientist", "title: 'Data </script><b>Scientist</b>'");
        await using var hostile = new SiteFactory(content.Root, "Production");

        using var response = await hostile.SendAsync(HttpMethod.Get, GuidePath);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await SeoTestSupport.ParseAsync(html);

        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        // The only other script is the page's own file (guide.js), never anything from the content.
        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json']):not([src^='/js/guide.'])"));
        Assert.Equal(5, page.JsonLd().Length);
        Assert.Equal(Summary, page.JsonLd("Article").Str("description"));
        Assert.Equal("Data </script><b>Scientist</b> to Backend Developer", page.JsonLd("Article").Str("headline"));
        Assert.Equal(Question, page.JsonLd("FAQPage").GetProperty("mainEntity")[0].Str("name"));
        Assert.Equal(Summary, page.QuerySelector(".guide__header .lede")!.TextContent);
    }

    private static void AssertOccupation(JsonElement occupation, Role role, IHtmlCollection<IElement> visibleBands)
    {
        Assert.Equal(SiteFactory.BaseUrl + role.Url, occupation.Str("url"));
        Assert.Equal(role.Summary, occupation.Str("description"));
        var location = occupation.GetProperty("occupationLocation");
        Assert.Equal("Country", location.Str("@type"));
        Assert.Equal("United Kingdom", location.Str("name"));
        var reviewed = occupation.GetProperty("mainEntityOfPage");
        Assert.Equal("WebPage", reviewed.Str("@type"));
        Assert.Equal(SiteFactory.BaseUrl + role.Url, reviewed.Str("@id"));
        Assert.Equal(role.SalarySource.Reviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reviewed.Str("lastReviewed"));

        var bands = occupation.GetProperty("estimatedSalary").EnumerateArray().ToArray();
        Assert.Equal(["Entry", "Mid-career", "Senior"], bands.Select(b => b.Str("name")));
        Assert.All(bands, b =>
        {
            Assert.Equal("MonetaryAmountDistribution", b.Str("@type"));
            Assert.Equal("GBP", b.Str("currency"));
            Assert.Equal("P1Y", b.Str("duration"));
        });
        Assert.Equal(
            new[] { role.Salary.Entry, role.Salary.MidCareer, role.Salary.Senior }.Select(b => (b.Min, b.Max)),
            bands.Select(b => (b.GetProperty("percentile10").GetInt32(), b.GetProperty("percentile90").GetInt32())));

        // The same figures as the page's salary table ("£32,000–£45,000", the senior band with "+").
        Assert.Equal(
            visibleBands.Select(td => td.TextContent.TrimEnd('+')),
            bands.Select(b => string.Create(CultureInfo.InvariantCulture, $"£{b.GetProperty("percentile10").GetInt32():N0}–£{b.GetProperty("percentile90").GetInt32():N0}")));
    }

    private static string Fold(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
