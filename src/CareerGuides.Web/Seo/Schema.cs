using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CareerGuides.Web.Seo.Schema;

// The schema.org types the site describes its pages with, as a typed model that System.Text.Json serialises
// (see JsonLd). Property names follow schema.org through the camelCase naming policy. Only what the pages show.

/// <summary>The root of every schema.org type: its <c>@type</c>, and <c>@context</c> on the top-level node only.</summary>
internal abstract record Thing(
    [property: JsonPropertyName("@type"), JsonPropertyOrder(-2)] string Type)
{
    [JsonPropertyName("@context")]
    [JsonPropertyOrder(-3)]
    public string? Context { get; init; }

    [JsonPropertyOrder(-1)]
    public string? Name { get; init; }
}

internal sealed record Organization(string Url) : Thing("Organization");

internal sealed record WebSite(string Url, string InLanguage, Organization Publisher) : Thing("WebSite");

internal sealed record Article(
    string Headline,
    string Description,
    DateOnly DatePublished,
    DateOnly DateModified,
    Organization Author,
    Organization Publisher,
    string Url,
    string MainEntityOfPage,
    string InLanguage) : Thing("Article");

internal sealed record BreadcrumbList(ImmutableArray<ListItem> ItemListElement) : Thing("BreadcrumbList");

internal sealed record ListItem(int Position, string Item) : Thing("ListItem");

internal sealed record FaqPage(ImmutableArray<Question> MainEntity) : Thing("FAQPage");

internal sealed record Question(Answer AcceptedAnswer) : Thing("Question");

internal sealed record Answer(string Text) : Thing("Answer");

/// <summary>A role as an occupation; its main page is the role's page, last reviewed when its salaries were.</summary>
internal sealed record Occupation(
    string Description,
    string Url,
    WebPage MainEntityOfPage,
    Country OccupationLocation,
    ImmutableArray<MonetaryAmountDistribution> EstimatedSalary) : Thing("Occupation");

internal sealed record WebPage([property: JsonPropertyName("@id")] string Id, DateOnly LastReviewed) : Thing("WebPage");

internal sealed record Country() : Thing("Country");

/// <summary>
/// One salary band. schema.org has no min/max on a distribution: a band is the range most people at that level
/// earn, so its ends are given as the 10th and 90th percentiles.
/// </summary>
internal sealed record MonetaryAmountDistribution(string Currency, string Duration, int Percentile10, int Percentile90) : Thing("MonetaryAmountDistribution");
