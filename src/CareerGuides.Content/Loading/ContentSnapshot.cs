using System.Collections.Frozen;
using System.Collections.Immutable;
using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Model;
using CareerGuides.Content.Search;

namespace CareerGuides.Content.Loading;

/// <summary>Which guides and roles a snapshot serves.</summary>
/// <param name="IncludeUnpublished">Serve drafts and scheduled guides too (development), flagged as such.</param>
/// <param name="Today">The date that decides whether a scheduled guide is live.</param>
public sealed record PublicationPolicy(bool IncludeUnpublished, DateOnly Today);

/// <summary>
/// Everything the site serves at one moment, with its indexes, built once at load time and never changed.
/// A reload builds a new snapshot and swaps the reference; a request works on the one it picked up.
/// </summary>
public sealed class ContentSnapshot
{
    private readonly FrozenDictionary<string, Role> _rolesBySlug;
    // The catalogue-sized maps are plain dictionaries: a frozen one analyses its keys when built, which for 10,000
    // guides cost more than the rest of a reload, to save nanoseconds on lookups a page makes a handful of.
    private readonly Dictionary<string, Guide> _guidesBySlug;
    private readonly FrozenDictionary<string, ImmutableArray<Guide>> _guidesFrom;
    private readonly FrozenDictionary<string, ImmutableArray<Guide>> _guidesInto;
    private readonly Dictionary<string, Guide> _redirects;
    private readonly Lazy<SearchIndex> _search;

    /// <param name="roles">Every role that loaded.</param>
    /// <param name="guides">Every guide that loaded and linked.</param>
    /// <param name="diagnostics">Every problem found.</param>
    /// <param name="version">A hash that changes whenever the content does.</param>
    /// <param name="loadedAt">When the snapshot was built.</param>
    /// <param name="policy">Which of the roles and guides are served.</param>
    /// <param name="redirects">Old guide addresses (normalised) and the guide each belongs to.</param>
    /// <param name="previous">The snapshot this one replaces, whose per-guide work is reused for the guides and roles it shares with this one.</param>
    public ContentSnapshot(
        IEnumerable<Role> roles,
        IEnumerable<Guide> guides,
        IEnumerable<Diagnostic> diagnostics,
        string version,
        DateTimeOffset loadedAt,
        PublicationPolicy? policy = null,
        IReadOnlyDictionary<string, Guide>? redirects = null,
        ContentSnapshot? previous = null)
    {
        Policy = policy ?? new PublicationPolicy(false, DateOnly.FromDateTime(loadedAt.UtcDateTime));
        var today = Policy.Today;
        var allGuides = guides.ToArray();
        NextScheduledPublication = allGuides
            .Where(g => !g.Draft && g.Published > today)
            .Select(g => (DateOnly?)g.Published)
            .Min();

        Roles = [.. roles.Where(r => Policy.IncludeUnpublished || !r.Draft).OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase)];
        Guides = [.. allGuides.Where(g => Policy.IncludeUnpublished || g.IsLive(today)).OrderBy(g => g.Title, StringComparer.OrdinalIgnoreCase)];
        Diagnostics = [.. diagnostics.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)];
        Version = version;
        LoadedAt = loadedAt;

        _rolesBySlug = Roles.ToFrozenDictionary(r => r.Slug, StringComparer.Ordinal);
        _guidesBySlug = Guides.ToDictionary(g => g.Slug, StringComparer.Ordinal);
        _guidesFrom = Guides.GroupBy(g => g.From.Slug)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(x => x.To.Title, StringComparer.OrdinalIgnoreCase).ToImmutableArray(), StringComparer.Ordinal);
        _guidesInto = Guides.GroupBy(g => g.To.Slug)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(x => x.From.Title, StringComparer.OrdinalIgnoreCase).ToImmutableArray(), StringComparer.Ordinal);
        _redirects = (redirects ?? FrozenDictionary<string, Guide>.Empty)
            .Where(r => _guidesBySlug.ContainsKey(r.Value.Slug))
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        GuidesByStartingRole = [.. Roles
            .Where(r => _guidesFrom.ContainsKey(r.Slug))
            .Select(r => new RoleGuides(r, _guidesFrom[r.Slug]))];
        RolesBySector = BySector(Roles);
        StartingRolesBySector = BySector(Roles.Where(r => _guidesFrom.ContainsKey(r.Slug)));
        TargetRolesBySector = BySector(Roles.Where(r => _guidesInto.ContainsKey(r.Slug)));
        var previousIndex = previous is { _search.IsValueCreated: true } ? previous._search.Value : null;
        _search = new Lazy<SearchIndex>(() => SearchIndex.Build(Guides, Roles, previousIndex), LazyThreadSafetyMode.ExecutionAndPublication);
        Pages = PublishedPages.From(this);
    }

    private static ImmutableArray<SectorRoles> BySector(IEnumerable<Role> roles) =>
        [.. roles
            .GroupBy(r => r.Sector, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new SectorRoles(g.Key, Slugs.Slugify(g.Key), [.. g]))];

    /// <summary>An empty snapshot, for a site whose content has not loaded.</summary>
    public static ContentSnapshot Empty { get; } = new([], [], [], "empty", DateTimeOffset.UnixEpoch);

    /// <summary>Which roles and guides this snapshot serves.</summary>
    public PublicationPolicy Policy { get; }

    /// <summary>Every role served, by title.</summary>
    public ImmutableArray<Role> Roles { get; }

    /// <summary>Every guide served, by title.</summary>
    public ImmutableArray<Guide> Guides { get; }

    /// <summary>Every problem found while loading, by file and line.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>A hash of every file that went into the snapshot: it changes whenever the content does.</summary>
    public string Version { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>The earliest future publication date of a scheduled guide: the snapshot must be rebuilt then.</summary>
    public DateOnly? NextScheduledPublication { get; }

    /// <summary>The home page's listing: each role that guides start from, with those guides.</summary>
    public ImmutableArray<RoleGuides> GuidesByStartingRole { get; }

    /// <summary>Every role grouped by sector, sectors and roles by name.</summary>
    public ImmutableArray<SectorRoles> RolesBySector { get; }

    /// <summary>The roles that guides start from ("I am a ..."), grouped by sector.</summary>
    public ImmutableArray<SectorRoles> StartingRolesBySector { get; }

    /// <summary>The roles that guides lead into ("I want to become ..."), grouped by sector.</summary>
    public ImmutableArray<SectorRoles> TargetRolesBySector { get; }

    /// <summary>
    /// Site search over every guide and role served. It is built once per snapshot, on first use or when the site
    /// prepares it in the background right after a reload (the site does), so that swapping in a saved file does
    /// not wait for the whole catalogue to be indexed; guides and roles the previous snapshot had indexed are not
    /// tokenised again.
    /// </summary>
    public SearchIndex Search => _search.Value;

    /// <summary>Whether the search index has been built, so that a search would not wait for it.</summary>
    public bool IsSearchIndexed => _search.IsValueCreated;

    /// <summary>
    /// The search index without blocking the caller while it is built: a request awaits this rather than reading
    /// <see cref="Search"/>, so that the thread serving it (an I/O thread, when the site schedules inline) is free
    /// meanwhile. Starting it is what prepares the index in the background.
    /// </summary>
    public Task<SearchIndex> SearchAsync() =>
        _search.IsValueCreated ? Task.FromResult(_search.Value) : LazyInitializer.EnsureInitialized(ref _searchTask, () => Task.Run(() => _search.Value));

    private Task<SearchIndex>? _searchTask;

    /// <summary>Every published page with the date its content last changed (for the sitemap and HTTP validators).</summary>
    public PublishedPages Pages { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    /// <summary>The role with this slug, or null (also for a null slug: a route value of only spaces binds as null).</summary>
    public Role? FindRole(string? slug) => slug is null ? null : _rolesBySlug.GetValueOrDefault(slug);

    /// <summary>The guide with this slug, or null (also for a null slug).</summary>
    public Guide? FindGuide(string? slug) => slug is null ? null : _guidesBySlug.GetValueOrDefault(slug);

    /// <summary>The guide an old address now belongs to, if any (the path is normalised first).</summary>
    public Guide? FindRedirect(string path) =>
        Redirects.Normalise(path) is { } normalised ? _redirects.GetValueOrDefault(normalised) : null;

    /// <summary>Every old address and the guide it redirects to.</summary>
    public IReadOnlyDictionary<string, Guide> RedirectMap => _redirects;

    /// <summary>
    /// A served guide's neighbours: the other moves from its old role and the other routes into its new one. They are
    /// the snapshot's own by-role lists less the guide itself, taken when the page renders rather than stored for every
    /// guide (at 10,000 guides over 120 roles, storing them took 13 MB and a tenth of each reload).
    /// </summary>
    public RelatedGuides Related(Guide guide)
    {
        ArgumentNullException.ThrowIfNull(guide);
        if (!ReferenceEquals(FindGuide(guide.Slug), guide))
        {
            return RelatedGuides.None;
        }

        return new RelatedGuides(
            [.. GuidesFrom(guide.From.Slug).Where(other => !ReferenceEquals(other, guide))],
            [.. GuidesInto(guide.To.Slug).Where(other => !ReferenceEquals(other, guide))]);
    }

    /// <summary>Why a guide or role is not on the live site (draft, scheduled), or null when it is.</summary>
    public string? NotLiveReason(Guide guide) => guide.NotLiveReason(Policy.Today);

    /// <summary>Guides that start from the role, by target role title.</summary>
    public ImmutableArray<Guide> GuidesFrom(string roleSlug) => _guidesFrom.GetValueOrDefault(roleSlug, []);

    /// <summary>Guides that lead into the role, by starting role title.</summary>
    public ImmutableArray<Guide> GuidesInto(string roleSlug) => _guidesInto.GetValueOrDefault(roleSlug, []);
}

/// <summary>A role and the guides that start from it, by title of the role they lead to.</summary>
public sealed record RoleGuides(Role Role, ImmutableArray<Guide> Guides)
{
    /// <summary>
    /// How many of a role's guides the home page lists; the rest are a link away, on the role's page. Listing every
    /// guide made the home page of a 10,000-guide catalogue 2.4 MB.
    /// </summary>
    public const int PreviewLength = 6;

    /// <summary>The first <see cref="PreviewLength"/> guides (all of them when there are no more).</summary>
    public ImmutableArray<Guide> Preview => Guides.Length <= PreviewLength ? Guides : Guides.Slice(0, PreviewLength);

    /// <summary>Whether some guides are left out of <see cref="Preview"/>.</summary>
    public bool HasMore => Guides.Length > PreviewLength;
}

/// <summary>A guide's related guides, by title of the role that differs.</summary>
/// <param name="FromSameRole">Other moves from the guide's old role.</param>
/// <param name="IntoSameRole">Other routes into the guide's new role.</param>
public sealed record RelatedGuides(ImmutableArray<Guide> FromSameRole, ImmutableArray<Guide> IntoSameRole)
{
    public static RelatedGuides None { get; } = new([], []);

    public bool IsEmpty => FromSameRole.IsEmpty && IntoSameRole.IsEmpty;
}

/// <summary>A sector and its roles.</summary>
/// <param name="Sector">The sector's name as editors wrote it.</param>
/// <param name="Id">A stable identifier for the sector, usable in URLs and HTML ids.</param>
/// <param name="Roles">The sector's roles, by title.</param>
public sealed record SectorRoles(string Sector, string Id, ImmutableArray<Role> Roles);
