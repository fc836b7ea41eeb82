using CareerGuides.Content.Model;
using CareerGuides.Web.Content;
using CareerGuides.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CareerGuides.Web.Pages.Guides;

/// <summary>One career-change guide.</summary>
public sealed class GuideModel(ContentStore store, IOptions<SiteOptions> site) : PageModel
{
    public Guide Guide { get; private set; } = null!;

    /// <summary>Where the call to action sends readers to practise interviews for the new role.</summary>
    public string PracticeUrl { get; private set; } = "";

    public IActionResult OnGet(string slug)
    {
        if (store.Current.FindGuide(slug) is not { } guide)
        {
            return NotFound();
        }

        Guide = guide;
        PracticeUrl = site.Value.InterviewPracticeUrl(guide.To.Slug);
        return Page();
    }
}
