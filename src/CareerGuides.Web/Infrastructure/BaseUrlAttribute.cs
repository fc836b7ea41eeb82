using System.ComponentModel.DataAnnotations;

namespace CareerGuides.Web.Infrastructure;

/// <summary>
/// Validates a site's base URL: an absolute http(s) address with a host and nothing after it (no path, query,
/// fragment or user info), so that appending a page's path gives that page's canonical URL.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BaseUrlAttribute : ValidationAttribute
{
    public BaseUrlAttribute()
        : base("{0} must be an absolute http(s) address with no path, query or fragment, e.g. https://careerguides.example.")
    {
    }

    public override bool IsValid(object? value) => value is null || (value is string text && TryParse(text, out _));

    /// <summary>Parses a base URL, giving it without a trailing slash ("https://careerguides.example").</summary>
    public static bool TryParse(string text, out string baseUrl)
    {
        baseUrl = "";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http")
            || string.IsNullOrEmpty(uri.Host)
            || uri.AbsolutePath != "/"
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0
            || uri.UserInfo.Length > 0
            || text.Contains('?', StringComparison.Ordinal)
            || text.Contains('#', StringComparison.Ordinal))
        {
            return false;
        }

        baseUrl = uri.GetLeftPart(UriPartial.Authority);
        return true;
    }
}
