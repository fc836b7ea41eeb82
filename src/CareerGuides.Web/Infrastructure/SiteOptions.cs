using System.ComponentModel.DataAnnotations;

namespace CareerGuides.Web.Infrastructure;

/// <summary>Site-wide settings. Bound from the "Site" section of configuration.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The site's name, shown in the header and titles.</summary>
    [Required]
    public string Name { get; set; } = "CareerGuides";

    /// <summary>
    /// The site's public address (scheme and host, e.g. https://careerguides.example): every canonical and absolute
    /// URL is built from it, never from the request's Host header.
    /// </summary>
    [Required]
    [BaseUrl]
    public string BaseUrl { get; set; } = "";

    /// <summary>
    /// The address of the interview-practice page for a role; <c>{role}</c> is replaced by the role's slug.
    /// </summary>
    [Required]
    public string InterviewPracticeUrlTemplate { get; set; } = "";

    /// <summary>The practice link for a role.</summary>
    public string InterviewPracticeUrl(string roleSlug) =>
        InterviewPracticeUrlTemplate.Replace("{role}", Uri.EscapeDataString(roleSlug), StringComparison.Ordinal);

    /// <summary>Whether the template is an absolute http(s) address that names the role.</summary>
    public bool HasValidPracticeTemplate() =>
        InterviewPracticeUrlTemplate.Contains("{role}", StringComparison.Ordinal)
        && Uri.TryCreate(InterviewPracticeUrl("role"), UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http";
}
