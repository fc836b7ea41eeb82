using CareerGuides.Content.Loading;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerGuides.Web.Pages;

/// <summary>The home page: every guide, grouped by the role it starts from.</summary>
public sealed class IndexModel(ContentSnapshot snapshot) : PageModel
{
    public ContentSnapshot Snapshot { get; } = snapshot;
}
