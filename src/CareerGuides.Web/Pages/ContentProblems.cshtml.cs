using CareerGuides.Content.Loading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerGuides.Web.Pages;

/// <summary>Development only: every current content problem with its file, line and hint.</summary>
public sealed class ContentProblemsModel(ContentSnapshot snapshot, IWebHostEnvironment environment) : PageModel
{
    public ContentSnapshot Snapshot { get; } = snapshot;

    public IActionResult OnGet() => environment.IsDevelopment() ? Page() : NotFound();
}
