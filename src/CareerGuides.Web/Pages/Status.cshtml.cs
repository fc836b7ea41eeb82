using System.Collections.Immutable;
using CareerGuides.Content.Loading;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerGuides.Web.Pages;

/// <summary>
/// The page shown for an error status (404 and others), re-executed by the status code pages middleware so the
/// original status code is kept.
/// </summary>
public sealed class StatusModel(ContentSnapshot snapshot) : PageModel
{
    public int Code { get; private set; }

    /// <summary>Roles to suggest on a "not found" page, by sector.</summary>
    public ImmutableArray<SectorRoles> Sectors { get; private set; } = [];

    public void OnGet(int code)
    {
        Code = code;
        Sectors = snapshot.RolesBySector;

        // Reached directly (not re-executed), /status/... is not a page of the site: a real 404, never the 500 or
        // other error it names (an address must not be able to make the site report a server error).
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Code = Response.StatusCode;
        }
    }
}
