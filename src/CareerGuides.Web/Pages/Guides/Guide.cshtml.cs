using CareerGuides.Content.Loading;
using CareerGuides.Content.Model;
using CareerGuides.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CareerGuides.Web.Pages.Guides;

/// <summary>One career-change guide.</summary>
public sealed class GuideModel(ContentSnapshot snapshot, IOptions<SiteOptions> site) : PageModel
{
    public Guide Guide { get; private set; } = null!;

    /// <summary>Why the guide is not on the live site (shown only where unpublished content is served), or null.</summary>
    public string? NotLiveReason { get; private set; }

    /// <summary>Other moves from the old role and other routes into the new one (from the snapshot).</summary>
    public RelatedGuides Related { get; private set; } = RelatedGuides.None;

    /// <summary>Where the call to action sends readers to practise interviews for the new role.</summary>
    public string PracticeUrl { get; private set; } = "";

    public IActionResult OnGet(string? slug)
    {
        if (snapshot.FindGuide(slug) is not { } guide)
        {
            return NotFound();
        }

        Guide = guide;
        NotLiveReason = snapshot.NotLiveReason(guide);
        Related = snapshot.Related(guide);
        PracticeUrl = site.Value.InterviewPracticeUrl(guide.To.Slug);
        return Page();
    }
}
