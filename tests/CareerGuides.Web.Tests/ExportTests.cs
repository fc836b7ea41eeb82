using System.Security.Cryptography;
using CareerGuides.Content.Loading;
using CareerGuides.Web.Export;
using Microsoft.Extensions.DependencyInjection;

namespace CareerGuides.Web.Tests;

/// <summary>
/// The static export (<c>export &lt;dir&gt;</c>), run as the command runs it, compared with what the site serves over
/// the same content; and the incremental export: which URLs a change renders again, and that the result is the same
/// as a full export's.
/// </summary>
public sealed class ExportTests
{
    private const string Guide = "teacher-to-data-analyst";

    /// <summary>The URLs that show (or list, or count) every published file: rendered again on any content change.</summary>
    private static readonly string[] ListingUrls = ["/", "/roles", "/sitemap.xml", "/search", StaticExporter.NotFoundProbePath];

    /// <summary>The command line of an export over <paramref name="contentRoot"/> into <paramref name="output"/>, as the tests run it.</summary>
    private static string[] Arguments(string contentRoot, string output, params string[] more) =>
    [
        ExportCommand.Name, output,
        "--environment=Production",
        $"--contentRoot={Path.Combine(RepositoryPaths.Root, "src", "CareerGuides.Web")}",
        $"--Content:Path={contentRoot}",
        "--Content:CachePath=",
        $"--Site:BaseUrl={SiteFactory.BaseUrl}",
        $"--Site:InterviewPracticeUrlTemplate={SiteFactory.PracticeTemplate}",
        "--Serilog:MinimumLevel:Default=Warning",
        .. more,
    ];

    /// <summary>Exports the site over <paramref name="contentRoot"/> into <paramref name="output"/> through the command's entry point.</summary>
    internal static async Task<string> ExportAsync(string contentRoot, string output)
    {
        using var log = new StringWriter();
        var exitCode = await ExportCommand.RunAsync(Arguments(contentRoot, output), log);
        Assert.True(exitCode == 0, $"export exited {exitCode}: {log}");
        return log.ToString();
    }

    /// <summary>Exports as the command does and returns what the export did.</summary>
    private static Task<ExportResult> ExportWithResultAsync(string contentRoot, string output, params string[] more)
    {
        var args = Arguments(contentRoot, output, more);
        return ExportCommand.ExportAsync(Path.GetFullPath(output), args[2..], TestContext.Current.CancellationToken);
    }

    /// <summary>The URL a static host serves an exported file at (the inverse of the layout).</summary>
    private static string UrlOf(string relative) =>
        relative == "index.html" ? "/"
        : relative.EndsWith(".html", StringComparison.Ordinal) && !relative.StartsWith("css/", StringComparison.Ordinal) ? "/" + relative[..^".html".Length]
        : "/" + relative;

    private static string PublicOf(string output) => Path.Combine(output, StaticExporter.PublicFolder);

    private static IEnumerable<string> ExportedFiles(string publicRoot) =>
        Directory.EnumerateFiles(publicRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(publicRoot, f).Replace('\\', '/'))
            .Where(f => !f.EndsWith(".br", StringComparison.Ordinal) && !f.EndsWith(".gz", StringComparison.Ordinal))
            .Where(f => f != StaticExporter.NetlifyRedirectsName)
            .Order(StringComparer.Ordinal);

    private static string OutputFor(TempSite site, string name = "export") => Path.Combine(site.Root, "..", $"{Path.GetFileName(site.Root)}-{name}");

    [Fact]
    public async Task Every_exported_file_is_byte_identical_to_the_servers_answer_for_its_url()
    {
        await using var site = TempSite.Start(prepare: root =>
        {
            var path = Path.Combine(root, "guides", Guide + ".md");
            File.WriteAllText(path, File.ReadAllText(path).Replace("\nfrom: teacher\n", "\nredirect_from: [/guides/teaching-to-data]\nfrom: teacher\n", StringComparison.Ordinal));
        });
        var output = OutputFor(site);
        try
        {
            await ExportAsync(site.Root, output);
            using var client = site.Site.CreateClient(new() { AllowAutoRedirect = false });
            var publicRoot = PublicOf(output);
            var files = ExportedFiles(publicRoot).ToArray();

            var snapshot = site.Store.Current;
            Assert.Contains("index.html", files);
            Assert.Contains("roles.html", files);
            Assert.Contains("sitemap.xml", files);
            Assert.Contains("robots.txt", files);
            Assert.Contains("404.html", files);
            Assert.All(snapshot.Guides, g => Assert.Contains($"guides/{g.Slug}.html", files));
            Assert.All(snapshot.Roles, r => Assert.Contains($"roles/{r.Slug}.html", files));
            Assert.Contains(files, f => f.StartsWith("css/", StringComparison.Ordinal) && f.EndsWith(".css", StringComparison.Ordinal));

            foreach (var file in files)
            {
                var url = file == StaticExporter.NotFoundName ? "/no-such-page" : UrlOf(file);
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
                Assert.Equal(file == StaticExporter.NotFoundName ? System.Net.HttpStatusCode.NotFound : System.Net.HttpStatusCode.OK, response.StatusCode);
                var served = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
                var exported = await File.ReadAllBytesAsync(Path.Combine(publicRoot, file), TestContext.Current.CancellationToken);
                Assert.True(served.AsSpan().SequenceEqual(exported), $"{file} differs from GET {url}: {served.Length} vs {exported.Length} bytes, {response.Content.Headers} {System.Text.Encoding.UTF8.GetString(served.AsSpan(0, Math.Min(200, served.Length)))}");

                Assert.Equal(exported, Compression.Decompress(File.ReadAllBytes(Path.Combine(publicRoot, file + ".br")), "br"));
                Assert.Equal(exported, Compression.Decompress(File.ReadAllBytes(Path.Combine(publicRoot, file + ".gz")), "gzip"));
            }

            // _redirects is read by the static hosts from the published folder; the nginx map and the manifest are
            // for the server and the next export, and stay outside it.
            Assert.Contains($"/guides/teaching-to-data /guides/{Guide} 301\n", File.ReadAllText(Path.Combine(publicRoot, StaticExporter.NetlifyRedirectsName)), StringComparison.Ordinal);
            Assert.Contains($"\"/guides/teaching-to-data\" \"/guides/{Guide}\";\n", File.ReadAllText(Path.Combine(output, StaticExporter.NginxRedirectsName)), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output, StaticExporter.ManifestName)));
            Assert.False(File.Exists(Path.Combine(publicRoot, StaticExporter.ManifestName)));
            Assert.False(File.Exists(Path.Combine(publicRoot, StaticExporter.NginxRedirectsName)));
            using var redirect = await client.GetAsync(new Uri("/guides/teaching-to-data", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal($"/guides/{Guide}", redirect.Headers.Location?.OriginalString);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Re_exporting_unchanged_content_renders_no_page_and_writes_nothing()
    {
        await using var site = TempSite.Start();
        var output = OutputFor(site);
        try
        {
            var first = await ExportWithResultAsync(site.Root, output);
            var before = Fingerprints(output);
            var assets = ExportedFiles(PublicOf(output)).Count(f => f.StartsWith("css/", StringComparison.Ordinal) || f.StartsWith("js/", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal));

            var again = await ExportWithResultAsync(site.Root, output);

            Assert.Equal(0, first.Skipped);
            Assert.Equal(first.Rendered, again.Rendered + again.Skipped);
            Assert.True(again.Rendered == assets, $"only the {assets} assets are fetched again; rendered: {string.Join(' ', again.RenderedUrls)}");
            Assert.All(again.RenderedUrls, u => Assert.DoesNotContain(u, ListingUrls));
            Assert.Equal(0, again.Written);
            Assert.Equal(before, Fingerprints(output));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task A_guide_change_renders_that_guide_its_two_roles_the_guides_that_list_it_and_the_listings_only()
    {
        await using var site = TempSite.Start();
        var output = OutputFor(site);
        try
        {
            await ExportWithResultAsync(site.Root, output);
            var before = Fingerprints(output);

            // A sentence in a body section shows on the guide page only.
            var path = site.PathOf(Path.Combine("guides", Guide + ".md"));
            File.WriteAllText(path, File.ReadAllText(path).Replace("## How realistic is it\n\n", "## How realistic is it\n\nIt is more realistic than many expect. ", StringComparison.Ordinal));
            var result = await ExportWithResultAsync(site.Root, output);

            // Every page that shows anything from the guide's file: its own, both roles' (a card each), and each guide
            // that lists it among its related guides (same starting role or same target role).
            var snapshot = await LoadAsync(site.Root);
            var guide = snapshot.FindGuide(Guide)!;
            string[] expected =
            [
                guide.Url, guide.From.Url, guide.To.Url,
                .. snapshot.Guides.Where(g => g.Slug != guide.Slug && (g.From.Slug == guide.From.Slug || g.To.Slug == guide.To.Slug)).Select(g => g.Url),
                .. ListingUrls,
            ];
            Assert.Equal(expected.Order(StringComparer.Ordinal), Pages(result).Order(StringComparer.Ordinal));

            // Of those, only the guide page's bytes changed: one file written (and its .br and .gz).
            Assert.Equal([$"guides/{Guide}.html"], result.WrittenFiles);
            Assert.Equal(
                new[] { $"public/guides/{Guide}.html", $"public/guides/{Guide}.html.br", $"public/guides/{Guide}.html.gz", StaticExporter.ManifestName }.Order(StringComparer.Ordinal),
                Changed(before, Fingerprints(output)));
            await AssertSameAsFullExportAsync(site, output);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task A_role_change_renders_the_pages_that_show_that_role_and_the_result_is_a_full_exports()
    {
        await using var site = TempSite.Start();
        var output = OutputFor(site);
        try
        {
            await ExportWithResultAsync(site.Root, output);
            var before = Fingerprints(output);

            // A role's entry salary: on its page, on every guide from or into it, and in the pay figure of those
            // guides' list entries (on the other roles' pages and in related guides).
            var rolePath = site.PathOf(Path.Combine("roles", "teacher.md"));
            var role = File.ReadAllText(rolePath);
            var entry = role[role.IndexOf("entry:", StringComparison.Ordinal)..];
            entry = entry[..entry.IndexOf('\n', StringComparison.Ordinal)];
            var min = System.Text.RegularExpressions.Regex.Match(entry, "min: ([0-9]+)").Groups[1].Value;
            File.WriteAllText(rolePath, role.Replace(entry, entry.Replace($"min: {min}", $"min: {int.Parse(min, System.Globalization.CultureInfo.InvariantCulture) + 1000}", StringComparison.Ordinal), StringComparison.Ordinal));
            var result = await ExportWithResultAsync(site.Root, output);

            var snapshot = await LoadAsync(site.Root);
            var involving = snapshot.Guides.Where(g => g.From.Slug == "teacher" || g.To.Slug == "teacher").ToArray();
            string[] expected =
            [
                "/roles/teacher",
                .. involving.Select(g => g.Url),
                .. involving.SelectMany(g => new[] { g.From.Url, g.To.Url }),
                .. snapshot.Guides.Where(h => involving.Any(g => g.Slug != h.Slug && (g.From.Slug == h.From.Slug || g.To.Slug == h.To.Slug))).Select(h => h.Url),
                .. ListingUrls,
            ];
            Assert.Equal(expected.Distinct().Order(StringComparer.Ordinal), Pages(result).Order(StringComparer.Ordinal));
            Assert.True(result.Skipped > 0, "pages that show nothing of the role are not rendered");

            // Every page that shows the salary changed: the role page and every guide from or into it.
            var written = result.WrittenFiles.Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToArray();
            Assert.Contains("roles/teacher.html", written);
            Assert.All(involving, g => Assert.Contains($"guides/{g.Slug}.html", written));
            Assert.Equal(before.Count, Fingerprints(output).Count);
            await AssertSameAsFullExportAsync(site, output);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task After_a_role_title_change_and_a_guide_deletion_an_incremental_export_equals_a_full_one()
    {
        await using var site = TempSite.Start();
        var output = OutputFor(site);
        try
        {
            await ExportWithResultAsync(site.Root, output);
            var original = await LoadAsync(site.Root);
            var deleted = original.Guides.First(g => g.Slug != Guide);

            // A role's title is in every guide title from or into it, wherever those guides are listed.
            var rolePath = site.PathOf(Path.Combine("roles", "data-analyst.md"));
            var role = File.ReadAllText(rolePath);
            var title = System.Text.RegularExpressions.Regex.Match(role, "\ntitle: (.*)\n").Groups[1].Value;
            File.WriteAllText(rolePath, role.Replace($"\ntitle: {title}\n", $"\ntitle: {title} (renamed)\n", StringComparison.Ordinal));
            File.Delete(site.PathOf(Path.Combine("guides", deleted.Slug + ".md")));

            var result = await ExportWithResultAsync(site.Root, output);

            Assert.Equal(1, result.Deleted);
            Assert.False(File.Exists(Path.Combine(PublicOf(output), "guides", deleted.Slug + ".html")));
            Assert.False(File.Exists(Path.Combine(PublicOf(output), "guides", deleted.Slug + ".html.br")));
            Assert.True(result.Skipped > 0, "pages that show neither change are not rendered");
            await AssertSameAsFullExportAsync(site, output);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task A_different_build_or_setting_renders_everything_again()
    {
        await using var site = TempSite.Start();
        var output = OutputFor(site);
        try
        {
            var first = await ExportWithResultAsync(site.Root, output);
            var otherBase = await ExportWithResultAsync(site.Root, output, "--Site:BaseUrl=https://elsewhere.test");
            Assert.Equal(0, otherBase.Skipped);
            Assert.Equal(first.Rendered, otherBase.Rendered);
            Assert.Contains("https://elsewhere.test/", File.ReadAllText(Path.Combine(PublicOf(output), "index.html")), StringComparison.Ordinal);

            var noCompression = await ExportWithResultAsync(site.Root, output, "--Site:BaseUrl=https://elsewhere.test", "--Export:Precompress=false");
            Assert.Equal(0, noCompression.Skipped);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>The URLs rendered, assets left out (they are always fetched).</summary>
    private static IEnumerable<string> Pages(ExportResult result) =>
        result.RenderedUrls.Where(u => !u.StartsWith("/css/", StringComparison.Ordinal) && !u.StartsWith("/js/", StringComparison.Ordinal) && !u.EndsWith(".svg", StringComparison.Ordinal));

    private static string[] Changed(Dictionary<string, string> before, Dictionary<string, string> after) =>
        [.. after.Where(f => !before.TryGetValue(f.Key, out var old) || old != f.Value).Select(f => f.Key)
            .Concat(before.Keys.Where(k => !after.ContainsKey(k)))
            .Order(StringComparer.Ordinal)];

    /// <summary>The content as the export loads it (the test site's own store does not watch the files).</summary>
    private static async Task<ContentSnapshot> LoadAsync(string contentRoot)
    {
        await using var fresh = new SiteFactory(contentRoot, "Production", new Dictionary<string, string> { ["Content:Watch"] = "false" });
        return fresh.Services.GetRequiredService<CareerGuides.Web.Content.ContentStore>().Current;
    }

    /// <summary>A full export of the same content into an empty folder has the same files with the same bytes.</summary>
    private static async Task AssertSameAsFullExportAsync(TempSite site, string incremental)
    {
        var full = OutputFor(site, "full");
        try
        {
            var result = await ExportWithResultAsync(site.Root, full);
            Assert.Equal(0, result.Skipped);
            var expected = Hashes(PublicOf(full));
            var actual = Hashes(PublicOf(incremental));
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            Assert.All(expected, f => Assert.True(f.Value == actual[f.Key], $"{f.Key} differs from a full export's"));
            Assert.Equal(File.ReadAllText(Path.Combine(full, StaticExporter.NginxRedirectsName)), File.ReadAllText(Path.Combine(incremental, StaticExporter.NginxRedirectsName)));
        }
        finally
        {
            Directory.Delete(full, recursive: true);
        }
    }

    private static Dictionary<string, string> Hashes(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f).Replace('\\', '/'),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))),
            StringComparer.Ordinal);

    /// <summary>Each file's hash and last-write time: a rewrite with the same bytes still shows as a change.</summary>
    private static Dictionary<string, string> Fingerprints(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f).Replace('\\', '/'),
            f => $"{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))} {File.GetLastWriteTimeUtc(f).Ticks}",
            StringComparer.Ordinal);
}
