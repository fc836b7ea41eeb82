using CareerGuides.Content.Loading;
using CareerGuides.Content.Search;

namespace CareerGuides.Content.Tests;

/// <summary>Site search over the bundled content: ranking, misspellings, plurals, and the empty and no-results states.</summary>
public sealed class SearchTests
{
    private static readonly Lazy<ContentSnapshot> Content = new(() => new ContentLoader().Load(RepositoryPaths.Content).Snapshot);

    private static SearchResults Search(string? query) => Content.Value.Search.Search(query);

    private static string[] Urls(SearchResults results) => [.. results.Hits.Select(h => h.Url)];

    [Fact]
    public void Every_guide_and_role_is_indexed_once_per_snapshot()
    {
        var snapshot = Content.Value;

        Assert.Equal(snapshot.Guides.Length + snapshot.Roles.Length, snapshot.Search.Count);
        Assert.Same(snapshot.Search, snapshot.Search);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_query_is_the_empty_state_not_a_search(string? query)
    {
        var results = Search(query);

        Assert.False(results.HasQuery);
        Assert.Empty(results.Hits);
        Assert.Empty(results.Corrections);
    }

    [Theory]
    [InlineData("astronaut")]
    [InlineData("zzzz qqqq")]
    [InlineData("!!!")]
    public void A_query_that_matches_nothing_has_no_results(string query)
    {
        var results = Search(query);

        Assert.True(results.HasQuery);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public void A_role_title_ranks_the_role_first_then_its_guides()
    {
        var results = Search("data scientist");

        Assert.Equal("/roles/data-scientist", results.Hits[0].Url);
        Assert.Equal(SearchKind.Role, results.Hits[0].Kind);
        // Every guide from or into the role comes before anything that matches only one of the two words.
        var guides = Urls(results).Skip(1).Take(3).ToArray();
        Assert.Equal(
            ["/guides/data-analyst-to-data-scientist", "/guides/data-scientist-to-backend-developer", "/guides/data-scientist-to-product-manager"],
            guides.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_guide_title_ranks_that_guide_first()
    {
        var results = Search("teacher to data analyst");

        Assert.Equal("/guides/teacher-to-data-analyst", results.Hits[0].Url);
    }

    [Fact]
    public void Documents_matching_every_word_outrank_those_matching_some()
    {
        var results = Search("teacher ux");

        Assert.Equal("/guides/teacher-to-ux-designer", results.Hits[0].Url);
        Assert.Contains("/roles/teacher", Urls(results));
        Assert.True(Array.IndexOf(Urls(results), "/roles/teacher") > 0);
    }

    [Theory]
    [InlineData("analist", "analyst", "/roles/data-analyst")]
    [InlineData("developr", "developer", "/roles/backend-developer")]
    [InlineData("acountant", "accountant", "/roles/accountant")]
    [InlineData("teahcer", "teacher", "/roles/teacher")]
    public void Common_misspellings_find_the_word_meant_and_say_so(string query, string correction, string expected)
    {
        var results = Search(query);

        Assert.Contains(expected, Urls(results));
        Assert.Contains(correction, results.Corrections);
    }

    [Fact]
    public void A_misspelt_word_ranks_the_role_it_names_first()
    {
        Assert.Equal("/roles/data-analyst", Search("data analist").Hits[0].Url);
        Assert.Equal("/roles/data-analyst", Search("analist").Hits[0].Url);
        Assert.Equal("/roles/backend-developer", Search("backend developr").Hits[0].Url);
    }

    [Fact]
    public void A_correctly_spelt_word_is_not_corrected()
    {
        Assert.Empty(Search("analyst").Corrections);
    }

    [Theory]
    [InlineData("teachers", "teacher")]
    [InlineData("Data Analysts", "data analyst")]
    [InlineData("dashboards", "dashboard")]
    [InlineData("product managers", "product manager")]
    public void Plurals_find_what_the_singular_finds(string plural, string singular)
    {
        Assert.Equal(Urls(Search(singular)), Urls(Search(plural)));
        Assert.NotEmpty(Search(plural).Hits);
    }

    [Fact]
    public void Plural_teachers_ranks_the_teacher_role_first_and_finds_every_guide_from_teaching()
    {
        var urls = Urls(Search("teachers"));

        Assert.Equal("/roles/teacher", urls[0]);
        Assert.All(Content.Value.GuidesFrom("teacher"), g => Assert.Contains(g.Url, urls));
    }

    [Fact]
    public void Skills_are_searchable()
    {
        var urls = Urls(Search("sql"));

        Assert.Contains("/guides/teacher-to-data-analyst", urls);
        Assert.Contains("/guides/data-scientist-to-backend-developer", urls);
    }

    [Fact]
    public void A_word_start_finds_the_words_it_begins()
    {
        Assert.Contains("/roles/backend-developer", Urls(Search("dev")));
    }

    [Fact]
    public void Everyday_phrasing_ignores_the_filler_words()
    {
        Assert.Equal("/roles/data-analyst", Search("I want to become a data analyst").Hits[0].Url);
        Assert.Equal("/roles/teacher", Search("I am a teacher").Hits[0].Url);
    }

    [Fact]
    public void Case_and_punctuation_do_not_matter()
    {
        Assert.Equal(Urls(Search("ux designer")), Urls(Search("  UX-Designer! ")));
    }

    [Fact]
    public void Ranking_is_deterministic_and_long_queries_are_cut()
    {
        Assert.Equal(Urls(Search("data")), Urls(Search("data")));
        var results = Search(new string('a', 500));
        Assert.Equal(SearchIndex.MaxQueryLength, results.Query.Length);
    }

    [Theory]
    [InlineData("dashbords", "dashboards")]    // the content writes only the plural
    [InlineData("deadlnes", "deadlines")]
    [InlineData("stakeholdrs", "stakeholder")] // the singular is written too, and the shortest form is shown
    public void A_correction_is_shown_as_the_content_writes_it(string query, string correction)
    {
        Assert.Equal([correction], Search(query).Corrections);
    }

    [Theory]
    [InlineData("data scientist", "/roles/data-scientist", 10 + 10 + 10)]                        // both title words, and the whole title named
    [InlineData("data scientist", "/guides/data-scientist-to-backend-developer", 10 + 10 + 5)]   // half the guide's title named
    [InlineData("analist", "/roles/data-analyst", (0.6 * 10) + 5)]                                 // one edit from "analyst"
    [InlineData("backend developr", "/roles/backend-developer", 10 + (0.6 * 10) + 10)]
    [InlineData("sql", "/guides/data-analyst-to-data-scientist", 4)]                               // a skill, not in the title
    public void Scores_are_the_documented_weights_exactly(string query, string url, double score)
    {
        // The index keeps field weights compactly; a score must still be exactly the weights the remarks document.
        var hit = Search(query).Hits.Single(h => h.Url == url);

        Assert.Equal(score, hit.Score);
    }

    [Theory]
    [InlineData("analyst", "analyst", 0)]
    [InlineData("analist", "analyst", 1)]
    [InlineData("teahcer", "teacher", 1)]
    [InlineData("developr", "developer", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance_counts_insertions_deletions_substitutions_and_swaps(string a, string b, int expected) =>
        Assert.Equal(expected, SearchIndex.EditDistance(a, b, 3));

    [Theory]
    [InlineData("teachers", "teacher")]
    [InlineData("salaries", "salary")]
    [InlineData("classes", "class")]
    [InlineData("coaches", "coach")]
    [InlineData("analysis", "analysis")]
    [InlineData("status", "status")]
    [InlineData("business", "business")]
    [InlineData("ops", "ops")]
    public void Plural_stems(string word, string stem) => Assert.Equal(stem, SearchIndex.Stem(word));
}
