using System.Buffers;
using System.Runtime.CompilerServices;
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
    private const int DigestSize = SHA256.HashSizeInBytes;

    private readonly byte[] _build;
    private readonly ContentSnapshot _snapshot;
    private readonly bool _hashesKnown;

    /// <summary>Per guide, the digest of the files its list entry shows: its own and both roles'.</summary>
    private readonly ConditionalWeakTable<Guide, byte[]> _entries = [];

    public ExportDependencies(ContentSnapshot snapshot, string buildKey)
    {
        _snapshot = snapshot;
        _build = SHA256.HashData(Encoding.UTF8.GetBytes(buildKey));
        _hashesKnown = snapshot.Guides.All(g => g.SourceHash.Length > 0) && snapshot.Roles.All(r => r.SourceHash.Length > 0);
        Everything = Key("all", [.. snapshot.Roles.Select(r => Digest(r.Slug, r.SourceHash)), Digest("guides"), .. snapshot.Guides.Select(g => Digest(g.Slug, g.SourceHash))]);
        BuildOnly = Key("build", []);
    }

    /// <summary>The key of pages that depend on every published file (listings, sitemap, 404, search).</summary>
    public string Everything { get; }

    /// <summary>The key of a URL that depends on the build only (robots.txt).</summary>
    public string BuildOnly { get; }

    /// <summary>The key of a published page.</summary>
    public string For(PublishedPage page)
    {
        switch (page.Kind)
        {
            case PageKind.Guide:
                {
                    var guide = page.Guide!;
                    var related = _snapshot.Related(guide);
                    return Key(page.Path, [Entry(guide), Digest("from-same-role"), .. related.FromSameRole.Select(Entry), Digest("into-same-role"), .. related.IntoSameRole.Select(Entry)]);
                }

            case PageKind.Role:
                {
                    var role = page.Role!;
                    return Key(page.Path, [Digest(role.Slug, role.SourceHash), Digest("from"), .. _snapshot.GuidesFrom(role.Slug).Select(Entry), Digest("into"), .. _snapshot.GuidesInto(role.Slug).Select(Entry)]);
                }

            default:
                return Everything;
        }
    }

    /// <summary>A guide as any page shows it: its own file and both roles' files (its title and pay come from them).</summary>
    private byte[] Entry(Guide guide) =>
        _entries.GetValue(guide, static g => Digest(g.Slug, g.SourceHash, g.From.Slug, g.From.SourceHash, g.To.Slug, g.To.SourceHash));

    /// <summary>SHA-256 of the build, the URL and the digests in order (or of the content version when hashes are unknown).</summary>
    private string Key(string name, byte[][] digests)
    {
        if (!_hashesKnown)
        {
            digests = [Digest("version", _snapshot.Version)];
        }

        var nameDigest = Digest(name);
        var length = (2 + digests.Length) * DigestSize;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            _build.CopyTo(buffer, 0);
            nameDigest.CopyTo(buffer, DigestSize);
            for (var i = 0; i < digests.Length; i++)
            {
                digests[i].CopyTo(buffer, (2 + i) * DigestSize);
            }

            return Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, length)))[..32];
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>SHA-256 of the parts, each followed by a zero byte (so "ab","c" and "a","bc" differ).</summary>
    private static byte[] Digest(params ReadOnlySpan<string> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part).Append('\0');
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
