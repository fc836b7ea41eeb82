using System.ComponentModel.DataAnnotations;

namespace CareerGuides.Web.Content;

/// <summary>Where the site's content lives and how it is reloaded. Bound from the "Content" section of configuration.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder (with roles/ and guides/), absolute or relative to the app's content root.</summary>
    [Required]
    public string Path { get; set; } = "../../content";

    /// <summary>Whether saved files are picked up while the site runs.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long the folder must be quiet after a change before it is reloaded, so a burst of saves is one reload.</summary>
    [Range(10, 5000)]
    public int QuietMilliseconds { get; set; } = 50;

    /// <summary>The longest a reload waits for quiet after the first change.</summary>
    [Range(50, 10000)]
    public int MaxDelayMilliseconds { get; set; } = 600;

    /// <summary>Serve drafts and scheduled guides (with a banner). Null means: in Development only.</summary>
    public bool? ShowUnpublished { get; set; }

    /// <summary>
    /// Where parsed files are kept between runs, so that a restart parses only the files that changed (absolute, or
    /// relative to the app's content root). Null means the default: a private folder in the site user's local data
    /// folder (<see cref="DefaultCachePath"/>), except in Development, where code can change under hot reload without
    /// a new build and the cache is off; empty turns the cache off.
    /// </summary>
    public string? CachePath { get; set; }

    /// <summary>
    /// The default cache folder: <c>~/.local/share/CareerGuides/parse-cache</c> on Linux; null when the site's user has
    /// no local data folder (no home folder), and then there is no cache unless <see cref="CachePath"/> names one.
    /// </summary>
    public static string? DefaultCachePath =>
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify) is { Length: > 0 } data
            ? System.IO.Path.Combine(data, "CareerGuides", "parse-cache")
            : null;
}
