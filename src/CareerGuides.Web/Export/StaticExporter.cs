using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using CareerGuides.Content.Loading;
using CareerGuides.Web.Content;
using CareerGuides.Web.Seo;

namespace CareerGuides.Web.Export;

/// <summary>What one export did.</summary>
/// <param name="Rendered">URLs rendered by the site (pages, files and assets) with the answer expected.</param>
/// <param name="Skipped">URLs not rendered: their dependencies are those of the file already exported.</param>
/// <param name="Written">Files whose bytes changed and were written (with their .br and .gz).</param>
/// <param name="Unchanged">Files rendered with the same bytes as the file already there: left alone, mtime included.</param>
/// <param name="Deleted">Files of an earlier export that the site no longer has.</param>
/// <param name="Redirects">Old guide addresses written to _redirects and redirects.nginx.map.</param>
/// <param name="Elapsed">Wall time of the export, start-up excluded.</param>
/// <param name="Cpu">Processor time the process used during the export (all threads, kernel included), start-up excluded.</param>
public sealed record ExportResult(int Rendered, int Skipped, int Written, int Unchanged, int Deleted, int Redirects, TimeSpan Elapsed, TimeSpan Cpu)
{
    /// <summary>The URLs rendered, in no particular order.</summary>
    public IReadOnlyList<string> RenderedUrls { get; init; } = [];

    /// <summary>The files written (relative to the published folder), in no particular order.</summary>
    public IReadOnlyList<string> WrittenFiles { get; init; } = [];

    public string Summary =>
        $"{Rendered} URLs rendered, {Skipped} skipped (dependencies unchanged), {Written} files written, {Unchanged} unchanged, " +
        $"{Deleted} removed, {Redirects} redirects; {Elapsed.TotalSeconds:0.00} s ({Cpu.TotalSeconds:0.00} s of processor time)";
}

/// <summary>How the export writes files.</summary>
/// <param name="Precompress">Write .br and .gz beside each file (default); off for hosts that compress themselves.</param>
/// <param name="BrotliQuality">Brotli quality, 0-11, of the .br files.</param>
/// <param name="GzipLevel">zlib level, 1-9, of the .gz files.</param>
/// <param name="Parallelism">Pages rendered at once; 0 is one per processor.</param>
/// <param name="BuildInputs">Whatever else the pages' bytes depend on besides content (the build, the settings, the asset URLs).</param>
internal sealed record ExportSettings(bool Precompress = true, int BrotliQuality = 5, int GzipLevel = 6, int Parallelism = 0, string BuildInputs = "");

/// <summary>
/// Writes the site as static files. Every URL is rendered by the site itself, in process (<see cref="InProcessServer"/>:
/// the whole request pipeline, no socket), so the bytes are exactly what it serves. The export folder holds
/// <list type="bullet">
/// <item><c>public/</c>, what a static host publishes: <c>/</c> as <c>index.html</c>, <c>/guides/x</c> as
/// <c>guides/x.html</c>, files and assets at their own path, the 404 page as <c>404.html</c>, each with a
/// precompressed <c>.br</c> and <c>.gz</c>, and <c>_redirects</c> (read, not served, by Netlify and Cloudflare
/// Pages);</item>
/// <item>beside it, never published: <c>redirects.nginx.map</c> (for an nginx <c>map</c>) and the manifest of the
/// export, which records each URL's dependency key so that the next export renders only the URLs whose
/// dependencies changed (<see cref="ExportDependencies"/>).</item>
/// </list>
/// A file whose bytes did not change is not rewritten, so its mtime stays and a sync tool uploads only what changed.
/// </summary>
internal sealed class StaticExporter(IServiceProvider services, InProcessServer server, ExportSettings settings)
{
    /// <summary>The folder, inside the export folder, that a static host publishes.</summary>
    public const string PublicFolder = "public";

    /// <summary>Per URL its file, dependency key and assets, so the next export renders only what changed. Beside <see cref="PublicFolder"/>.</summary>
    public const string ManifestName = "export-manifest.txt";

    /// <summary>Old guide addresses for Netlify and Cloudflare Pages, inside <see cref="PublicFolder"/> where they read it.</summary>
    public const string NetlifyRedirectsName = "_redirects";

    /// <summary>Old guide addresses for an nginx map, beside <see cref="PublicFolder"/>.</summary>
    public const string NginxRedirectsName = "redirects.nginx.map";

    public const string NotFoundName = "404.html";

    /// <summary>A path no site page can have (content slugs have no underscores), to fetch the 404 page.</summary>
    public const string NotFoundProbePath = "/__export__/not-found";

    private const string AssetKey = "-";

    private static readonly string[] OptionalPages = ["/search"];

    private enum Kind
    {
        Page,
        OptionalPage,
        NotFound,
        File,
        Asset,
    }

    private sealed record Item(string Url, string File, Kind Kind, string Key);

    private InProcessServer Server => server;

    private ExportSettings Settings => settings;

    /// <summary>The file a site path is written to, relative to the published folder ('/' separated).</summary>
    public static string FileFor(string path, bool isPage) =>
        path == "/" ? "index.html"
        : isPage ? path.TrimStart('/') + ".html"
        : path.TrimStart('/');

    public async Task<ExportResult> ExportAsync(string outputDirectory, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var root = Path.GetFullPath(outputDirectory);
        var publicRoot = Path.Combine(root, PublicFolder);
        Directory.CreateDirectory(publicRoot);
        var manifestPath = Path.Combine(root, ManifestName);
        var previous = ExportManifest.Read(manifestPath);

        var snapshot = services.GetRequiredService<ContentStore>().Current;
        var site = services.GetRequiredService<SeoCatalog>().For(snapshot);
        var environment = services.GetRequiredService<IWebHostEnvironment>();
        var dependencies = new ExportDependencies(snapshot, BuildKey(snapshot, environment));
        var pagePaths = site.Pages.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);

        var items = new List<Item>(site.Pages.Length + 8);
        foreach (var page in snapshot.Pages.All)
        {
            items.Add(new Item(page.Path, FileFor(page.Path, isPage: true), Kind.Page, dependencies.For(page)));
        }

        items.AddRange(OptionalPages.Where(p => !pagePaths.Contains(p)).Select(p => new Item(p, FileFor(p, isPage: true), Kind.OptionalPage, dependencies.Everything)));
        items.Add(new Item(NotFoundProbePath, NotFoundName, Kind.NotFound, dependencies.Everything));
        items.Add(new Item(SiteSeo.SitemapPath, FileFor(SiteSeo.SitemapPath, isPage: false), Kind.File, dependencies.Everything));
        items.Add(new Item(SiteSeo.RobotsPath, FileFor(SiteSeo.RobotsPath, isPage: false), Kind.File, dependencies.BuildOnly));

        var run = new Run(this, publicRoot, pagePaths);

        // A URL whose key is the one recorded, with its files still there, keeps them: it is not rendered.
        var skipped = new ConcurrentDictionary<string, ManifestEntry>(StringComparer.Ordinal);
        var toRender = new List<Item>(items.Count);
        foreach (var item in items)
        {
            if (previous.TryGetValue(item.Url, out var entry) && entry.Key == item.Key && entry.File == item.File && run.FilesExist(item.File))
            {
                skipped[item.Url] = entry;
            }
            else
            {
                toRender.Add(item);
            }
        }

        await run.RenderAllAsync(toRender, cancellation);

        // Assets: every local file a page references, whether that page was rendered now or kept. They are few, and
        // always fetched and compared (their URLs are in the build key, their bytes are not).
        var assets = run.Entries.Values.Concat(skipped.Values).SelectMany(e => e.Assets).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        await run.RenderAllAsync([.. assets.Select(a => new Item(a, FileFor(a, isPage: false), Kind.Asset, AssetKey))], cancellation);

        var redirects = snapshot.RedirectMap.OrderBy(r => r.Key, StringComparer.Ordinal).ToArray();
        var netlify = new StringBuilder("# Old guide addresses: Netlify / Cloudflare Pages format.\n");
        var nginx = new StringBuilder("# Old guide addresses, for: map $uri $redirect_target { default \"\"; include redirects.nginx.map; }\n");
        foreach (var (from, guide) in redirects)
        {
            netlify.Append(from).Append(' ').Append(guide.Url).Append(" 301\n");
            nginx.Append('"').Append(from).Append("\" \"").Append(guide.Url).Append("\";\n");
        }

        WriteRawIfChanged(Path.Combine(publicRoot, NetlifyRedirectsName), Encoding.UTF8.GetBytes(netlify.ToString()));
        WriteRawIfChanged(Path.Combine(root, NginxRedirectsName), Encoding.UTF8.GetBytes(nginx.ToString()));

        var current = run.Entries.Concat(skipped).ToArray();
        var deleted = DeleteStale(publicRoot, previous.Values.Select(e => e.File), current.Select(e => e.Value.File));
        ExportManifest.Write(manifestPath, current);

        return new ExportResult(run.Entries.Count, skipped.Count, run.Written.Count, run.Unchanged, deleted, redirects.Length, stopwatch.Elapsed, Environment.CpuUsage.TotalTime - cpu)
        {
            RenderedUrls = [.. run.Entries.Keys],
            WrittenFiles = [.. run.Written],
        };
    }

    /// <summary>
    /// What every page's bytes depend on besides content: the site's fingerprint (build and settings), the
    /// environment, the asset URLs (fingerprinted: a changed stylesheet changes every page's link to it), which
    /// content the snapshot serves, and how the export writes files. In Development the layout shows content
    /// problems, so every content change renders everything.
    /// </summary>
    private string BuildKey(ContentSnapshot snapshot, IWebHostEnvironment environment) =>
        string.Join(
            '\n',
            "export 2",
            services.GetRequiredService<SeoCatalog>().Site.Fingerprint,
            environment.EnvironmentName,
            environment.IsDevelopment() ? snapshot.Version : "",
            snapshot.Policy.IncludeUnpublished ? $"unpublished {snapshot.Policy.Today:O}" : "published",
            settings.Precompress ? $"br {settings.BrotliQuality} gz {settings.GzipLevel}" : "identity",
            settings.BuildInputs);

    private static void WriteRawIfChanged(string path, byte[] body)
    {
        if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(body))
        {
            File.WriteAllBytes(path, body);
        }
    }

    /// <summary>Removes what the previous export wrote and this one did not (a deleted guide).</summary>
    private static int DeleteStale(string publicRoot, IEnumerable<string> previous, IEnumerable<string> current)
    {
        var keep = current.ToHashSet(StringComparer.Ordinal);
        var deleted = 0;
        foreach (var relative in previous.Where(f => !keep.Contains(f)).Distinct(StringComparer.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(publicRoot, relative));
            if (!path.StartsWith(publicRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var file in new[] { path, path + ".br", path + ".gz" }.Where(File.Exists))
            {
                File.Delete(file);
            }

            deleted++;
        }

        return deleted;
    }

    /// <summary>One export's rendering: workers, one per processor, each with its own buffers.</summary>
    private sealed class Run(StaticExporter exporter, string publicRoot, HashSet<string> pagePaths)
    {
        private readonly ConcurrentDictionary<string, string> _internedAssets = new(StringComparer.Ordinal);
        private int _unchanged;

        public ConcurrentDictionary<string, ManifestEntry> Entries { get; } = new(StringComparer.Ordinal);

        public ConcurrentBag<string> Written { get; } = [];

        public int Unchanged => _unchanged;

        private ExportSettings Settings => exporter.Settings;

        public bool FilesExist(string relative)
        {
            var path = Path.Combine(publicRoot, relative);
            return File.Exists(path) && (!Settings.Precompress || (File.Exists(path + ".br") && File.Exists(path + ".gz")));
        }

        public async Task RenderAllAsync(IReadOnlyList<Item> items, CancellationToken cancellation)
        {
            // Folders first, so no worker writes into a folder another is still creating.
            foreach (var directory in items.Select(i => Path.GetDirectoryName(Path.Combine(publicRoot, i.File))!).Distinct(StringComparer.Ordinal))
            {
                Directory.CreateDirectory(directory);
            }

            var next = -1;
            var workers = Math.Clamp(Settings.Parallelism > 0 ? Settings.Parallelism : Environment.ProcessorCount, 1, Math.Max(1, items.Count));
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(
                async () =>
                {
                    using var worker = new Worker();
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < items.Count)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        await RenderAsync(items[i], worker, cancellation);
                    }
                },
                cancellation)));
        }

        private async Task RenderAsync(Item item, Worker worker, CancellationToken cancellation)
        {
            worker.Body.ResetWrittenCount();
            var status = await exporter.Server.GetAsync(item.Url, worker.Body, cancellation);
            var expected = item.Kind == Kind.NotFound ? HttpStatusCode.NotFound : HttpStatusCode.OK;
            if (status == (int)HttpStatusCode.NotFound && item.Kind == Kind.OptionalPage)
            {
                return;
            }

            if (status != (int)expected)
            {
                throw new InvalidOperationException(item.Kind == Kind.Asset
                    ? $"A page links to {item.Url}, which answered {status}."
                    : $"GET {item.Url} answered {status}, not {(int)expected}: the export stops rather than publish a broken site.");
            }

            var body = worker.Body.WrittenSpan;
            IReadOnlyList<string> assets = item.Kind is Kind.Page or Kind.OptionalPage or Kind.NotFound ? CollectAssets(body) : [];
            if (WriteIfChanged(item.File, body, worker))
            {
                Written.Add(item.File);
            }
            else
            {
                Interlocked.Increment(ref _unchanged);
            }

            Entries[item.Url] = new ManifestEntry(item.File, item.Key, assets);
        }

        /// <summary>
        /// The local files a page references: the value of every <c>href="/..."</c> and <c>src="/..."</c> with a file
        /// extension that is not a page, without query or fragment. Scans the UTF-8 bytes (ASCII patterns), so a page
        /// is not decoded to text.
        /// </summary>
        private string[] CollectAssets(ReadOnlySpan<byte> html)
        {
            List<string>? found = null;
            var rest = html;
            int at;
            while ((at = rest.IndexOf("=\"/"u8)) >= 0)
            {
                var before = html.Length - rest.Length + at;
                rest = rest[(at + 3)..];
                var name = html[..before];
                if (!name.EndsWith("href"u8) && !name.EndsWith("src"u8))
                {
                    continue;
                }

                var end = rest.IndexOfAny("\"#?"u8);
                if (end < 0)
                {
                    break;
                }

                var raw = Encoding.UTF8.GetString(html.Slice(before + 2, end + 1));
                var path = raw.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(raw) : raw;
                if (path.Length > 1 && !path.StartsWith("//", StringComparison.Ordinal) && Path.HasExtension(path) && !pagePaths.Contains(path))
                {
                    var asset = _internedAssets.GetOrAdd(path, path);
                    if (!(found ??= []).Contains(asset))
                    {
                        found.Add(asset);
                    }
                }
            }

            return found is null ? [] : [.. found];
        }

        /// <summary>Writes the file and its .br and .gz unless the file already holds these bytes (and both exist).</summary>
        private bool WriteIfChanged(string relative, ReadOnlySpan<byte> body, Worker worker)
        {
            var path = Path.Combine(publicRoot, relative);
            var existing = new FileInfo(path);
            if (existing.Exists && existing.Length == body.Length && FilesExist(relative))
            {
                using var handle = File.OpenHandle(path);
                var buffer = worker.Existing(body.Length);
                if (RandomAccess.Read(handle, buffer.AsSpan(0, body.Length), 0) == body.Length && buffer.AsSpan(0, body.Length).SequenceEqual(body))
                {
                    return false;
                }
            }

            if (Settings.Precompress)
            {
                File.WriteAllBytes(path + ".br", worker.Brotli(body, Settings.BrotliQuality));
                File.WriteAllBytes(path + ".gz", worker.Gzip(body, Settings.GzipLevel));
            }

            File.WriteAllBytes(path, body);
            return true;
        }
    }

    /// <summary>A worker's buffers, reused from page to page.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly MemoryStream _gzip = new();
        private byte[] _existing = [];
        private byte[] _brotli = [];

        public ArrayBufferWriter<byte> Body { get; } = new(256 * 1024);

        public void Dispose() => _gzip.Dispose();

        public byte[] Existing(int length) => _existing.Length >= length ? _existing : _existing = new byte[length];

        public ReadOnlySpan<byte> Brotli(ReadOnlySpan<byte> body, int quality)
        {
            var max = BrotliEncoder.GetMaxCompressedLength(body.Length);
            if (_brotli.Length < max)
            {
                _brotli = new byte[max];
            }

            if (!BrotliEncoder.TryCompress(body, _brotli, out var written, quality, window: 22))
            {
                throw new InvalidOperationException("Brotli compression failed.");
            }

            return _brotli.AsSpan(0, written);
        }

        public ReadOnlySpan<byte> Gzip(ReadOnlySpan<byte> body, int level)
        {
            _gzip.SetLength(0);
            using (var gzip = new GZipStream(_gzip, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
            {
                gzip.Write(body);
            }

            return _gzip.GetBuffer().AsSpan(0, (int)_gzip.Length);
        }
    }
}
