namespace CareerGuides.Web.Pages;

/// <summary>What the search form shows: its field's id (unique on the page), label and current query.</summary>
public sealed record SearchForm(string Id, string Label, string Query = "")
{
    public const string DefaultLabel = "Search guides and roles";
}
