using CareerGuides.Content.Loading;
using CareerGuides.Web.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerGuides.Web.Pages;

/// <summary>The home page: every guide, grouped by the role it starts from.</summary>
public sealed class IndexModel(ContentStore store) : PageModel
{
    public ContentSnapshot Snapshot { get; private set; } = ContentSnapshot.Empty;

    public void OnGet() => Snapshot = store.Current;
}
