using System.Security.Cryptography;
using System.Text;
using CareerGuides.Content.Loading;
using CareerGuides.Content.Model;

namespace CareerGuides.Web.Export;

/// <summary>
/// What each exported URL's bytes depend on, as one key per URL: a hash of the build key (the compiled site, its
/// settings, its asset URLs, the export's own options) and of the <see cref="Guide.SourceHash"/> and
/// <see cref="Role.SourceHash"/> of every content file the page shows something from. The export records the keys in
/// its manifest; a URL whose key has not changed since the last export is not rendered again.
/// </summary>
/// <remarks>
/// The dependencies, at the granularity of source files (a file changed is a file changed, whatever field):
/// <list type="bullet">
/// <item>a guide page shows its guide, both roles (titles, salaries, typical days) and its related guides' list
/// entries (title from both their roles, timeline, difficulty, pay at entry from both their roles): so the files of
/// the guide, of its two roles, and of each related guide and its two roles;</item>
/// <item>a role page shows its role and a card for each guide from and into it (title, summary, timeline,
/// difficulty, pay at entry): so the role's file and each of those guides' files and the files of both their
/// roles;</item>
/// <item>the listings (home, the roles index), the sitemap, the 404 page and the search page show or depend on the
/// whole set of published guides and roles: they take the conservative choice, a hash of every published file's
/// hash, so any change to any file renders them again (they are five URLs);</item>
/// <item>robots.txt depends on the build key only; assets are always fetched (a handful of files) and compared.</item>
/// </list>
/// Order and membership are part of each key (a guide added to or removed from a role changes that role's key).
/// When a file's hash is unknown (empty), every key is the content version instead, so every page renders.
/// </remarks>
internal sealed class ExportDependencies
{
    private readonly string _buildKey;
    private readonly ContentSnapshot _snapshot;
    private readonly bool _hashesKnown;

    public ExportDependencies(ContentSnapshot snapshot, string buildKey)
    {
        _snapshot = snapshot;
        _buildKey = buildKey;
        _hashesKnown = snapshot.Guides.All(g => g.SourceHash.Length > 0) && snapshot.Roles.All(r => r.SourceHash.Length > 0);
        Everything = Key("all", hash =>
        {
            foreach (var role in snapshot.Roles)
            {
                Add(hash, role.Slug, role.SourceHash);
            }

            Add(hash, "guides");
            foreach (var guide in snapshot.Guides)
            {
                Add(hash, guide.Slug, guide.SourceHash);
            }
        });
    }

    /// <summary>The key of pages that depend on every published file (listings, sitemap, 404, search).</summary>
    public string Everything { get; }

    /// <summary>The key of a URL that depends on the build only (robots.txt).</summary>
    public string BuildOnly => Key("build", _ => { });

    /// <summary>The key of a published page.</summary>
    public string For(PublishedPage page) => page.Kind switch
    {
        PageKind.Guide => Key(page.Path, hash =>
        {
            var guide = page.Guide!;
            AddEntry(hash, guide);
            var related = _snapshot.Related(guide);
            Add(hash, "from-same-role");
            foreach (var other in related.FromSameRole)
            {
                AddEntry(hash, other);
            }

            Add(hash, "into-same-role");
            foreach (var other in related.IntoSameRole)
            {
                AddEntry(hash, other);
            }
        }),
        PageKind.Role => Key(page.Path, hash =>
        {
            var role = page.Role!;
            Add(hash, role.Slug, role.SourceHash);
            Add(hash, "from");
            foreach (var guide in _snapshot.GuidesFrom(role.Slug))
            {
                AddEntry(hash, guide);
            }

            Add(hash, "into");
            foreach (var guide in _snapshot.GuidesInto(role.Slug))
            {
                AddEntry(hash, guide);
            }
        }),
        _ => Everything,
    };

    /// <summary>A guide as any page shows it: its own file and both roles' files (its title and pay come from them).</summary>
    private static void AddEntry(IncrementalHash hash, Guide guide) =>
        Add(hash, guide.Slug, guide.SourceHash, guide.From.Slug, guide.From.SourceHash, guide.To.Slug, guide.To.SourceHash);

    private string Key(string name, Action<IncrementalHash> add)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, _buildKey, name);
        if (_hashesKnown)
        {
            add(hash);
        }
        else
        {
            Add(hash, "version", _snapshot.Version);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    private static void Add(IncrementalHash hash, params ReadOnlySpan<string> parts)
    {
        Span<byte> buffer = stackalloc byte[256];
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetByteCount(part) + 1 <= buffer.Length ? buffer : new byte[Encoding.UTF8.GetByteCount(part) + 1];
            var length = Encoding.UTF8.GetBytes(part, bytes);
            bytes[length] = 0;
            hash.AppendData(bytes[..(length + 1)]);
        }
    }
}
