using CareerGuides.Content.Loading;
using CareerGuides.Content.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerGuides.Web.Pages;

/// <summary>
/// Site search: <c>/search?q=</c> runs the query against the snapshot's search index (built once per snapshot). No
/// query shows the empty form; no results suggest every role by sector. Result pages are not for search engines:
/// they carry <c>noindex</c> (like every page that is not a published content page) and are not in the sitemap.
/// </summary>
public sealed class SearchModel(ContentSnapshot snapshot) : PageModel
{
    public SearchResults Results { get; private set; } = new("", [], []);

    /// <summary>Roles to suggest when nothing matched, by sector.</summary>
    public System.Collections.Immutable.ImmutableArray<SectorRoles> Suggestions => snapshot.RolesBySector;

    public async Task OnGetAsync(string? q) => Results = (await snapshot.SearchAsync()).Search(q);
}
