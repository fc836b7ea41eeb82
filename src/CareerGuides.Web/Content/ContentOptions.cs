using System.ComponentModel.DataAnnotations;

namespace CareerGuides.Web.Content;

/// <summary>Where the site's content lives. Bound from the "Content" section of configuration.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder (with roles/ and guides/), absolute or relative to the app's content root.</summary>
    [Required]
    public string Path { get; set; } = "../../content";
}
