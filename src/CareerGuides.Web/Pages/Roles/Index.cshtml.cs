using System.Collections.Immutable;
using CareerGuides.Content.Loading;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerGuides.Web.Pages.Roles;

/// <summary>Every role, grouped by sector.</summary>
public sealed class IndexModel(ContentSnapshot snapshot) : PageModel
{
    public ImmutableArray<SectorRoles> Sectors { get; } = snapshot.RolesBySector;
}
