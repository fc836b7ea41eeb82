using System.Collections.Immutable;
using CareerGuides.Content.Model;

namespace CareerGuides.Content.Loading;

/// <summary>The kinds of page the site publishes from its content.</summary>
public enum PageKind
{
    /// <summary>The home page: every guide, by starting role.</summary>
    Home,

    /// <summary>The list of all roles.</summary>
    RoleIndex,

    /// <summary>One role's page.</summary>
    Role,

    /// <summary>One guide's page.</summary>
    Guide,
}

/// <summary>One published page: its path, what it shows and when its content last changed.</summary>
/// <param name="Path">The canonical site path: lower case, no trailing slash (except the home page's "/").</param>
/// <param name="Kind">What kind of page it is.</param>
/// <param name="LastModified">
/// The latest date of the content the page shows, taken from the content's own dates (never the load time), or
/// null when the page shows nothing dated (a home page with no content).
/// </param>
/// <param name="Role">The role a <see cref="PageKind.Role"/> page shows.</param>
/// <param name="Guide">The guide a <see cref="PageKind.Guide"/> page shows.</param>
/// <param name="Live">
/// Whether the page is on the live site: false for drafts and scheduled guides, which only a snapshot that includes
/// unpublished content (development) serves. Pages that are not live are left out of the sitemap.
/// </param>
public sealed record PublishedPage(string Path, PageKind Kind, DateOnly? LastModified, Role? Role = null, Guide? Guide = null, bool Live = true);

/// <summary>
/// Every page the site publishes from one snapshot, with the date each last changed, computed once at load time.
/// The sitemap, the HTTP validators and the canonical-address checks all read this list.
/// </summary>
/// <remarks>
/// Dates: a guide's is its <c>updated</c> date; a role's is the latest of its <c>salary_source.reviewed</c> date and
/// the <c>updated</c> dates of the guides from and into it (its page lists them); the list of roles takes the latest
/// of the roles', and the home page the latest of everything.
/// </remarks>
public sealed class PublishedPages
{
    public const string HomePath = "/";
    public const string RoleIndexPath = "/roles";

    private readonly Dictionary<string, PublishedPage> _byPath;

    private PublishedPages(ImmutableArray<PublishedPage> all)
    {
        All = all;
        _byPath = all.ToDictionary(p => p.Path, StringComparer.Ordinal);
    }

    /// <summary>Every page: the home page, the list of roles, then roles and guides by title.</summary>
    public ImmutableArray<PublishedPage> All { get; }

    /// <summary>The page at exactly this canonical path, or null.</summary>
    public PublishedPage? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>Derives the pages of a snapshot from its roles and guides.</summary>
    public static PublishedPages From(ContentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);

        var guides = snapshot.Guides.Select(g => new PublishedPage(g.Url, PageKind.Guide, g.Updated, Guide: g, Live: g.IsLive(snapshot.Policy.Today))).ToArray();
        var roles = snapshot.Roles.Select(r => new PublishedPage(
            r.Url,
            PageKind.Role,
            Latest([r.SalarySource.Reviewed, .. snapshot.GuidesFrom(r.Slug).Select(g => g.Updated), .. snapshot.GuidesInto(r.Slug).Select(g => g.Updated)]),
            Role: r,
            Live: !r.Draft)).ToArray();
        var roleIndex = new PublishedPage(RoleIndexPath, PageKind.RoleIndex, Latest(roles.Select(p => p.LastModified)));
        var home = new PublishedPage(HomePath, PageKind.Home, Latest([.. roles.Select(p => p.LastModified), .. guides.Select(p => p.LastModified)]));
        return new PublishedPages([home, roleIndex, .. roles, .. guides]);
    }

    private static DateOnly? Latest(IEnumerable<DateOnly?> dates) => dates.Max();

    private static DateOnly? Latest(IEnumerable<DateOnly> dates) => dates.Select(d => (DateOnly?)d).Max();
}
