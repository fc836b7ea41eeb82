using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CareerGuides.Web.Content;
using CareerGuides.Web.Seo;

namespace CareerGuides.Web.Export;

/// <summary>What one export did.</summary>
/// <param name="Rendered">URLs fetched from the site with a 200 answer (pages, files and assets).</param>
/// <param name="Written">Files whose bytes changed and were written (with their .br and .gz).</param>
/// <param name="Unchanged">Files already in the folder with the same bytes: left alone, mtime included.</param>
/// <param name="Deleted">Files of an earlier export that the site no longer has.</param>
/// <param name="Redirects">Old guide addresses written to _redirects and redirects.nginx.map.</param>
/// <param name="Elapsed">Wall time of the export, start-up excluded.</param>
public sealed record ExportResult(int Rendered, int Written, int Unchanged, int Deleted, int Redirects, TimeSpan Elapsed);

/// <summary>
/// Writes the site as static files: every URL is fetched from the running site (so the bytes are exactly what it
/// serves) and written where a static host finds it: <c>/</c> as <c>index.html</c>, <c>/guides/x</c> as
/// <c>guides/x.html</c>, files and assets at their own path, the 404 page as <c>404.html</c>; each with a
/// precompressed <c>.br</c> and <c>.gz</c> beside it. A file whose bytes did not change is not rewritten.
/// </summary>
/// <param name="services">The running site's services (its content store and SEO catalog list the URLs).</param>
/// <param name="client">A client of the running site.</param>
/// <param name="precompress">Write .br and .gz beside each file (default); off for hosts that compress themselves.</param>
public sealed partial class StaticExporter(IServiceProvider services, HttpClient client, bool precompress = true)
{
    /// <summary>The list of files the last export wrote, so the next one can remove what the site dropped.</summary>
    public const string ManifestName = ".export-manifest";

    public const string NetlifyRedirectsName = "_redirects";
    public const string NginxRedirectsName = "redirects.nginx.map";
    public const string NotFoundName = "404.html";

    /// <summary>A path no site page can have (content slugs have no underscores), to fetch the 404 page.</summary>
    public const string NotFoundProbePath = "/__export__/not-found";

    private static readonly string[] OptionalPages = ["/search"];

    [GeneratedRegex(""""(?:href|src)="(/[^"#?]*)(?:\?[^"#]*)?(?:#[^"]*)?"""", RegexOptions.CultureInvariant)]
    private static partial Regex LocalReference();

    /// <summary>The file a site path is written to, relative to the export folder ('/' separated).</summary>
    public static string FileFor(string path, bool isPage) =>
        path == "/" ? "index.html"
        : isPage ? path.TrimStart('/') + ".html"
        : path.TrimStart('/');

    public async Task<ExportResult> ExportAsync(string outputDirectory, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var root = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(root);

        var snapshot = services.GetRequiredService<ContentStore>().Current;
        var site = services.GetRequiredService<SeoCatalog>().For(snapshot);
        var files = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var assets = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var pagePaths = site.Pages.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        int rendered = 0, written = 0, unchanged = 0;

        async Task Save(string relative, byte[] body, CancellationToken token)
        {
            files.TryAdd(relative, 0);
            if (await WriteIfChangedAsync(root, relative, body, token))
            {
                Interlocked.Increment(ref written);
            }
            else
            {
                Interlocked.Increment(ref unchanged);
            }
        }

        async Task ExportPage(string path, bool required, CancellationToken token)
        {
            var (status, body) = await GetAsync(path, token);
            if (status == HttpStatusCode.NotFound && !required)
            {
                return;
            }

            if (status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)status}: the export stops rather than publish a broken site.");
            }

            Interlocked.Increment(ref rendered);
            CollectAssets(body, pagePaths, assets);
            await Save(FileFor(path, isPage: true), body, token);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount * 2), CancellationToken = cancellation };
        await Parallel.ForEachAsync(site.Pages, parallel, (page, token) => new ValueTask(ExportPage(page.Path, required: true, token)));
        foreach (var path in OptionalPages.Where(p => !pagePaths.Contains(p)))
        {
            await ExportPage(path, required: false, cancellation);
        }

        var (notFoundStatus, notFound) = await GetAsync(NotFoundProbePath, cancellation);
        if (notFoundStatus != HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException($"GET {NotFoundProbePath} answered {(int)notFoundStatus}, not 404.");
        }

        Interlocked.Increment(ref rendered);
        CollectAssets(notFound, pagePaths, assets);
        await Save(NotFoundName, notFound, cancellation);

        foreach (var file in new[] { SiteSeo.SitemapPath, SiteSeo.RobotsPath })
        {
            var (status, body) = await GetAsync(file, cancellation);
            if (status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {file} answered {(int)status}.");
            }

            rendered++;
            await Save(FileFor(file, isPage: false), body, cancellation);
        }

        foreach (var asset in assets.Keys.Order(StringComparer.Ordinal))
        {
            var (status, body) = await GetAsync(asset, cancellation);
            if (status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"A page links to {asset}, which answered {(int)status}.");
            }

            rendered++;
            await Save(FileFor(asset, isPage: false), body, cancellation);
        }

        var redirects = snapshot.RedirectMap.OrderBy(r => r.Key, StringComparer.Ordinal).ToArray();
        var netlify = new StringBuilder("# Old guide addresses: Netlify / Cloudflare Pages format.\n");
        var nginx = new StringBuilder("# Old guide addresses, for: map $uri $redirect_target { default \"\"; include redirects.nginx.map; }\n");
        foreach (var (from, guide) in redirects)
        {
            netlify.Append(from).Append(' ').Append(guide.Url).Append(" 301\n");
            nginx.Append('"').Append(from).Append("\" \"").Append(guide.Url).Append("\";\n");
        }

        await WriteRawIfChangedAsync(Path.Combine(root, NetlifyRedirectsName), Encoding.UTF8.GetBytes(netlify.ToString()), cancellation);
        await WriteRawIfChangedAsync(Path.Combine(root, NginxRedirectsName), Encoding.UTF8.GetBytes(nginx.ToString()), cancellation);

        var deleted = DeleteStale(root, files.Keys);
        return new ExportResult(rendered, written, unchanged, deleted, redirects.Length, stopwatch.Elapsed);
    }

    /// <summary>GET without Accept-Encoding: the identity bytes, which the export compresses itself.</summary>
    private async Task<(HttpStatusCode Status, byte[] Body)> GetAsync(string path, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        using var response = await client.SendAsync(request, cancellation);
        var body = await response.Content.ReadAsByteArrayAsync(cancellation);
        if (response.Content.Headers.ContentLength is { } length && length != body.Length)
        {
            throw new InvalidOperationException($"GET {path} declared {length} bytes and sent {body.Length}.");
        }

        return (response.StatusCode, body);
    }

    private static void CollectAssets(byte[] html, HashSet<string> pagePaths, ConcurrentDictionary<string, byte> assets)
    {
        foreach (Match match in LocalReference().Matches(Encoding.UTF8.GetString(html)))
        {
            var path = WebUtility.HtmlDecode(match.Groups[1].Value);
            if (path.Length > 1 && !path.StartsWith("//", StringComparison.Ordinal) && !pagePaths.Contains(path) && Path.HasExtension(path))
            {
                assets.TryAdd(path, 0);
            }
        }
    }

    /// <summary>Writes the file and its .br and .gz unless the file already holds these bytes (and both exist).</summary>
    private async Task<bool> WriteIfChangedAsync(string root, string relative, byte[] body, CancellationToken cancellation)
    {
        var path = Path.Combine(root, relative);
        if (File.Exists(path) && (!precompress || (File.Exists(path + ".br") && File.Exists(path + ".gz")))
            && new FileInfo(path).Length == body.Length && (await File.ReadAllBytesAsync(path, cancellation)).AsSpan().SequenceEqual(body))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (precompress)
        {
            await File.WriteAllBytesAsync(path + ".br", Compress(body, static s => new BrotliStream(s, CompressionLevel.Optimal)), cancellation);
            await File.WriteAllBytesAsync(path + ".gz", Compress(body, static s => new GZipStream(s, CompressionLevel.Optimal)), cancellation);
        }

        await File.WriteAllBytesAsync(path, body, cancellation);
        return true;
    }

    private static async Task WriteRawIfChangedAsync(string path, byte[] body, CancellationToken cancellation)
    {
        if (!File.Exists(path) || !(await File.ReadAllBytesAsync(path, cancellation)).AsSpan().SequenceEqual(body))
        {
            await File.WriteAllBytesAsync(path, body, cancellation);
        }
    }

    private static byte[] Compress(byte[] body, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(body);
        }

        return output.ToArray();
    }

    /// <summary>Removes what the previous export wrote and this one did not (a deleted guide), then records this one.</summary>
    private static int DeleteStale(string root, ICollection<string> current)
    {
        var manifest = Path.Combine(root, ManifestName);
        var keep = current.ToHashSet(StringComparer.Ordinal);
        var deleted = 0;
        if (File.Exists(manifest))
        {
            foreach (var relative in File.ReadAllLines(manifest).Where(l => l.Length > 0 && !keep.Contains(l)))
            {
                var path = Path.GetFullPath(Path.Combine(root, relative));
                if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var file in new[] { path, path + ".br", path + ".gz" }.Where(File.Exists))
                {
                    File.Delete(file);
                }

                deleted++;
            }
        }

        var text = string.Concat(keep.Order(StringComparer.Ordinal).Select(f => f + "\n"));
        if (!File.Exists(manifest) || File.ReadAllText(manifest) != text)
        {
            File.WriteAllText(manifest, text);
        }

        return deleted;
    }
}
