using System.Text;

namespace CareerGuides.Web.Export;

/// <summary>One exported URL as the manifest records it.</summary>
/// <param name="File">Its file, relative to the published folder ('/' separated).</param>
/// <param name="Key">Its dependency key (<see cref="ExportDependencies"/>), or "-" for an asset (always fetched).</param>
/// <param name="Assets">The local assets its page references (so a page that is not rendered again keeps them).</param>
internal sealed record ManifestEntry(string File, string Key, IReadOnlyList<string> Assets);

/// <summary>
/// The record an export leaves beside the published folder (never inside it): for each URL, its file, its
/// dependency key and the assets it references. Text, one URL a line, tab separated:
/// <code>
/// careerguides-export 2
/// asset	/css/site.abc.css          (a table, so pages refer to assets by number)
/// url	/guides/x	guides/x.html	&lt;key&gt;	0,1
/// </code>
/// A missing, unreadable or older manifest is an empty one: everything renders.
/// </summary>
internal static class ExportManifest
{
    private const string Header = "careerguides-export 2";

    public static Dictionary<string, ManifestEntry> Read(string path)
    {
        var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return entries;
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        if (reader.ReadLine() != Header)
        {
            return entries;
        }

        var assets = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            switch (fields)
            {
                case ["asset", var asset]:
                    assets.Add(asset);
                    break;
                case ["url", var url, var file, var key, var refs]:
                    var referenced = refs.Length == 0 ? [] : refs.Split(',').Select(i => int.TryParse(i, out var n) && n >= 0 && n < assets.Count ? assets[n] : null).ToArray();
                    if (referenced.Any(a => a is null))
                    {
                        return [];
                    }

                    entries[url] = new ManifestEntry(file, key, referenced!);
                    break;
                default:
                    return [];
            }
        }

        return entries;
    }

    /// <summary>Writes the manifest, when it changed, through a temporary file and a rename, so an interrupted export leaves the old one whole.</summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, ManifestEntry>> entries)
    {
        var ordered = entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToArray();
        var assetIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var asset in ordered.SelectMany(e => e.Value.Assets).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            assetIds[asset] = assetIds.Count;
            text.Append("asset\t").Append(asset).Append('\n');
        }

        foreach (var (url, entry) in ordered)
        {
            text.Append("url\t").Append(url).Append('\t').Append(entry.File).Append('\t').Append(entry.Key).Append('\t')
                .AppendJoin(',', entry.Assets.Select(a => assetIds[a])).Append('\n');
        }

        var content = text.ToString();
        if (File.Exists(path) && File.ReadAllText(path, Encoding.UTF8) == content)
        {
            return;
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true);
    }
}
