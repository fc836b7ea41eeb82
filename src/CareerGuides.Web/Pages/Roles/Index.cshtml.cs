using System.Collections.Immutable;
using CareerGuides.Content.Loading;
using CareerGuides.Web.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerGuides.Web.Pages.Roles;

/// <summary>Every role, grouped by sector.</summary>
public sealed class IndexModel(ContentStore store) : PageModel
{
    public ImmutableArray<SectorRoles> Sectors { get; private set; } = [];

    public void OnGet() => Sectors = store.Current.RolesBySector;
}
