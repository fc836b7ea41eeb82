using System.Net;
using AngleSharp.Dom;

namespace CareerGuides.Web.Tests;

/// <summary>The reference guide as a job seeker reads it: every section of the reference page, in order, with its figures.</summary>
[Collection(SharedSite.Name)]
public sealed class GuidePageTests(SiteFactory site)
{
    private const string Path = "/guides/data-scientist-to-backend-developer";

    private async Task<IDocument> PageAsync()
    {
        var (response, document) = await site.GetPageAsync(Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document;
    }

    [Fact]
    public async Task Sections_appear_in_the_reference_order()
    {
        var page = await PageAsync();

        var headings = page.QuerySelectorAll("article.guide > section > h2").Select(h => h.Text());

        Assert.Equal(
            [
                "Can you go from Data Scientist to Backend Developer?",
                "Why Data Scientists make this change",
                "How realistic is this career change?",
                "Skills that transfer directly",
                "Skills you'll need to build",
                "Salary comparison",
                "Day-to-day comparison",
                "How to frame your background in interviews",
                "Frequently asked questions",
                "Ready to prepare for your Backend Developer interview?",
            ],
            headings);
    }

    [Fact]
    public async Task Title_summary_and_description_come_from_the_guide()
    {
        var page = await PageAsync();

        Assert.Equal("Data Scientist to Backend Developer", page.QuerySelector("h1")!.Text());
        Assert.Equal("Data Scientist to Backend Developer | CareerGuides", page.Title);
        var summary = page.QuerySelector(".guide__header .lede")!.Text();
        Assert.Contains("data scientist", summary, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(summary, page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Stat_chips_show_timeline_and_skill_counts()
    {
        var page = await PageAsync();

        Assert.Equal("6–12 months typical timeline", page.QuerySelector("[data-stat=timeline]")!.Text());
        Assert.Equal("3 transferable skills", page.QuerySelector("[data-stat=transferable]")!.Text());
        Assert.Equal("5 skills to build", page.QuerySelector("[data-stat=to-build]")!.Text());
    }

    [Fact]
    public async Task Prose_sections_are_rendered_from_the_markdown_body()
    {
        var page = await PageAsync();

        foreach (var id in new[] { "can-you-move", "why", "realistic", "interviews" })
        {
            var paragraphs = page.QuerySelectorAll($"#{id} .prose p");
            Assert.True(paragraphs.Length >= 2, $"section #{id} has {paragraphs.Length} paragraphs");
        }

        Assert.Contains("database design thinking", page.QuerySelector("#interviews")!.Text());
    }

    [Fact]
    public async Task Transferable_skills_compare_the_old_role_with_the_new()
    {
        var page = await PageAsync();

        var cards = page.QuerySelectorAll("#transferable-skills .skill-card");

        Assert.Equal(["Analytical thinking", "Structured communication", "Project coordination"], cards.Select(c => c.QuerySelector("h3")!.Text()));
        Assert.All(cards, c => Assert.Equal(["As a Data Scientist", "As a Backend Developer"], c.QuerySelectorAll("dt").Select(dt => dt.Text())));
        Assert.All(cards, c => Assert.All(c.QuerySelectorAll("dd"), dd => Assert.NotEmpty(dd.Text())));
    }

    [Fact]
    public async Task Skills_to_build_are_listed_with_why_they_matter()
    {
        var page = await PageAsync();

        var items = page.QuerySelectorAll("#skills-to-build li");

        Assert.Equal(
            ["Python or Node.js", "SQL database design and optimisation", "NoSQL databases", "API design and documentation", "Message queues (RabbitMQ, Kafka)"],
            items.Select(i => i.QuerySelector("h3")!.Text()));
        Assert.All(items, i => Assert.NotEmpty(i.QuerySelector("p")!.Text()));
    }

    [Fact]
    public async Task Salary_comparison_shows_all_six_bands_side_by_side()
    {
        var page = await PageAsync();

        var rows = page.QuerySelectorAll("#salary table tbody tr")
            .Select(r => r.Children.Select(c => c.Text()).ToArray())
            .ToArray();

        Assert.Equal(["Level", "Data Scientist", "Backend Developer"], page.QuerySelectorAll("#salary thead th").Select(th => th.Text()));
        Assert.Equal(["Entry", "£32,000–£45,000", "£26,000–£38,000"], rows[0]);
        Assert.Equal(["Mid-career", "£50,000–£80,000", "£42,000–£65,000"], rows[1]);
        Assert.Equal(["Senior", "£85,000–£150,000+", "£70,000–£110,000+"], rows[2]);
    }

    [Fact]
    public async Task Salary_comparison_says_what_the_move_means_computed_from_the_bands()
    {
        var page = await PageAsync();

        Assert.Equal(
            "Moving from a mid-career Data Scientist salary (£50,000–£80,000) to an entry-level Backend Developer role (£26,000–£38,000) means a cut of £12,000 to £54,000 a year: about 51% less, comparing the middle of each band.",
            page.QuerySelector(".salary__move")!.Text());
        Assert.Equal(
            "Later on, mid-career Backend Developers earn £42,000–£65,000, 18% less than mid-career Data Scientists (£50,000–£80,000), and senior Backend Developers earn £70,000–£110,000+, 23% less than senior Data Scientists (£85,000–£150,000+).",
            page.QuerySelector(".salary__later")!.Text());
        Assert.Contains("within 2–4 years", page.QuerySelector(".salary__years")!.Text());
    }

    [Fact]
    public async Task Every_salary_figure_says_where_it_comes_from_and_when_it_was_reviewed()
    {
        var page = await PageAsync();

        var sources = page.QuerySelectorAll("#salary .source").Select(s => s.Text()).ToArray();

        Assert.Equal(2, sources.Length);
        Assert.StartsWith("Data Scientist:", sources[0]);
        Assert.StartsWith("Backend Developer:", sources[1]);
        Assert.All(sources, s => Assert.Contains("reviewed 1 November 2026", s));
    }

    [Fact]
    public async Task Day_to_day_comparison_puts_both_roles_typical_days_side_by_side()
    {
        var page = await PageAsync();

        var columns = page.QuerySelectorAll("#day-to-day .two-columns > div");

        Assert.Equal(2, columns.Length);
        Assert.Equal("Your day now as a Data Scientist", columns[0].QuerySelector("h3")!.Text());
        Assert.Contains("Exploratory data analysis and feature engineering", columns[0].Text());
        Assert.Contains("Building and training machine learning models", columns[0].Text());
        Assert.Equal("Your day as a Backend Developer", columns[1].QuerySelector("h3")!.Text());
        Assert.Contains("Writing and reviewing database queries and schema design", columns[1].Text());
        Assert.Contains("Building and maintaining APIs", columns[1].Text());
    }

    [Fact]
    public async Task Faqs_list_every_question_with_its_answer()
    {
        var page = await PageAsync();

        var faqs = page.QuerySelectorAll("#faqs .faq");

        Assert.Equal(8, faqs.Length);
        Assert.Equal("Can I realistically move from Data Scientist to Backend Developer?", faqs[0].QuerySelector("h3")!.Text());
        Assert.All(faqs, f => Assert.NotEmpty(f.QuerySelector(".prose")!.Text()));
    }

    [Fact]
    public async Task Call_to_action_links_to_interview_practice_for_the_target_role_from_the_configured_template()
    {
        var page = await PageAsync();

        var link = page.QuerySelector("#practise a")!;

        Assert.Equal("https://practice.test/interviews/backend-developer?from=guides", link.GetAttribute("href"));
        Assert.Equal("Practise Backend Developer interview questions", link.Text());
    }

    [Fact]
    public async Task Page_is_english_gb()
    {
        var page = await PageAsync();

        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
    }
}
