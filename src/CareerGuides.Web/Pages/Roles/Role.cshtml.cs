using System.Collections.Immutable;
using CareerGuides.Content.Loading;
using CareerGuides.Content.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerGuides.Web.Pages.Roles;

/// <summary>One role: its overview, salary, typical day, and every guide from and into it.</summary>
public sealed class RoleModel(ContentSnapshot snapshot) : PageModel
{
    public Role Role { get; private set; } = null!;

    public ImmutableArray<Guide> GuidesFrom { get; private set; } = [];

    public ImmutableArray<Guide> GuidesInto { get; private set; } = [];

    public IActionResult OnGet(string? slug)
    {
        if (snapshot.FindRole(slug) is not { } role)
        {
            return NotFound();
        }

        Role = role;
        GuidesFrom = snapshot.GuidesFrom(role.Slug);
        GuidesInto = snapshot.GuidesInto(role.Slug);
        return Page();
    }
}
