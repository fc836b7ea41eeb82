using System.IO.Compression;
using System.Security.Cryptography;
using CareerGuides.Web.Export;

namespace CareerGuides.Web.Tests;

/// <summary>
/// The static export (<c>export &lt;dir&gt;</c>), run as the command runs it (Kestrel on a loopback port), compared with
/// what the site serves over the same content.
/// </summary>
public sealed class ExportTests
{
    private const string Guide = "teacher-to-data-analyst";

    /// <summary>Exports the site over <paramref name="contentRoot"/> into <paramref name="output"/>, as the command does.</summary>
    internal static async Task<string> ExportAsync(string contentRoot, string output)
    {
        using var log = new StringWriter();
        var exitCode = await ExportCommand.RunAsync(
            [
                ExportCommand.Name, output,
                "--environment=Production",
                $"--contentRoot={Path.Combine(RepositoryPaths.Root, "src", "CareerGuides.Web")}",
                $"--Content:Path={contentRoot}",
                $"--Site:BaseUrl={SiteFactory.BaseUrl}",
                $"--Site:InterviewPracticeUrlTemplate={SiteFactory.PracticeTemplate}",
                "--Serilog:MinimumLevel:Default=Warning",
            ],
            log);
        Assert.True(exitCode == 0, $"export exited {exitCode}: {log}");
        return log.ToString();
    }

    /// <summary>The URL a static host serves an exported file at (the inverse of the layout).</summary>
    private static string UrlOf(string relative) =>
        relative == "index.html" ? "/"
        : relative.EndsWith(".html", StringComparison.Ordinal) && !relative.StartsWith("css/", StringComparison.Ordinal) ? "/" + relative[..^".html".Length]
        : "/" + relative;

    private static IEnumerable<string> ExportedFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.EndsWith(".br", StringComparison.Ordinal) && !f.EndsWith(".gz", StringComparison.Ordinal))
            .Where(f => f is not (StaticExporter.ManifestName or StaticExporter.NetlifyRedirectsName or StaticExporter.NginxRedirectsName))
            .Order(StringComparer.Ordinal);

    [Fact]
    public async Task Every_exported_file_is_byte_identical_to_the_servers_answer_for_its_url()
    {
        await using var site = TempSite.Start(prepare: root =>
        {
            var path = Path.Combine(root, "guides", Guide + ".md");
            File.WriteAllText(path, File.ReadAllText(path).Replace("\nfrom: teacher\n", "\nredirect_from: [/guides/teaching-to-data]\nfrom: teacher\n", StringComparison.Ordinal));
        });
        var output = Path.Combine(site.Root, "..", Path.GetFileName(site.Root) + "-export");
        try
        {
            await ExportAsync(site.Root, output);
            using var client = site.Site.CreateClient(new() { AllowAutoRedirect = false });
            var files = ExportedFiles(output).ToArray();

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
                var exported = await File.ReadAllBytesAsync(Path.Combine(output, file), TestContext.Current.CancellationToken);
                Assert.True(served.AsSpan().SequenceEqual(exported), $"{file} differs from GET {url}: {served.Length} vs {exported.Length} bytes, {response.Content.Headers} {System.Text.Encoding.UTF8.GetString(served.AsSpan(0, Math.Min(200, served.Length)))}");

                Assert.Equal(exported, Decompress(Path.Combine(output, file + ".br"), s => new BrotliStream(s, CompressionMode.Decompress)));
                Assert.Equal(exported, Decompress(Path.Combine(output, file + ".gz"), s => new GZipStream(s, CompressionMode.Decompress)));
            }

            Assert.Contains($"/guides/teaching-to-data /guides/{Guide} 301\n", File.ReadAllText(Path.Combine(output, StaticExporter.NetlifyRedirectsName)), StringComparison.Ordinal);
            Assert.Contains($"\"/guides/teaching-to-data\" \"/guides/{Guide}\";\n", File.ReadAllText(Path.Combine(output, StaticExporter.NginxRedirectsName)), StringComparison.Ordinal);
            using var redirect = await client.GetAsync(new Uri("/guides/teaching-to-data", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal($"/guides/{Guide}", redirect.Headers.Location?.OriginalString);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Re_exporting_after_one_guide_changed_rewrites_only_the_pages_that_show_it()
    {
        await using var site = TempSite.Start();
        var output = Path.Combine(site.Root, "..", Path.GetFileName(site.Root) + "-export");
        try
        {
            await ExportAsync(site.Root, output);
            var before = Fingerprints(output);

            var unchangedLog = await ExportAsync(site.Root, output);
            Assert.Equal(before, Fingerprints(output));
            Assert.Contains(" 0 files written", unchangedLog, StringComparison.Ordinal);

            var path = site.PathOf(Path.Combine("guides", Guide + ".md"));
            // A sentence in a body section shows on the guide page only (summaries also show on role pages and listings).
            File.WriteAllText(path, File.ReadAllText(path).Replace("## How realistic is it\n\n", "## How realistic is it\n\nIt is more realistic than many expect. ", StringComparison.Ordinal));
            var changedLog = await ExportAsync(site.Root, output);
            var after = Fingerprints(output);

            var changed = after.Where(f => !before.TryGetValue(f.Key, out var old) || old != f.Value).Select(f => f.Key).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(
                [
                    $"guides/{Guide}.html", $"guides/{Guide}.html.br", $"guides/{Guide}.html.gz",
                ],
                changed);
            Assert.Contains(" 1 files written", changedLog, StringComparison.Ordinal);

            // A role's salary shows on the role page and on every guide from or into it, nowhere else.
            var rolePath = site.PathOf(Path.Combine("roles", "teacher.md"));
            var role = File.ReadAllText(rolePath);
            var entry = role[role.IndexOf("entry:", StringComparison.Ordinal)..];
            entry = entry[..entry.IndexOf('\n', StringComparison.Ordinal)];
            var min = System.Text.RegularExpressions.Regex.Match(entry, "min: ([0-9]+)").Groups[1].Value;
            File.WriteAllText(rolePath, role.Replace(entry, entry.Replace($"min: {min}", $"min: {int.Parse(min, System.Globalization.CultureInfo.InvariantCulture) + 1}", StringComparison.Ordinal), StringComparison.Ordinal));
            await ExportAsync(site.Root, output);
            var afterRole = Fingerprints(output);
            var pagesChanged = afterRole.Where(f => after[f.Key] != f.Value && f.Key.EndsWith(".html", StringComparison.Ordinal)).Select(f => f.Key).Order(StringComparer.Ordinal).ToArray();
            var expected = site.Store.Current.Guides.Where(g => g.From.Slug == "teacher" || g.To.Slug == "teacher")
                .Select(g => $"guides/{g.Slug}.html").Append("roles/teacher.html").Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, pagesChanged);
            Assert.Equal(before.Count, after.Count);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>Each file's hash and last-write time: a rewrite with the same bytes still shows as a change.</summary>
    private static Dictionary<string, string> Fingerprints(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f).Replace('\\', '/'),
            f => $"{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))} {File.GetLastWriteTimeUtc(f).Ticks}",
            StringComparer.Ordinal);

    private static byte[] Decompress(string path, Func<Stream, Stream> decompressor)
    {
        using var file = File.OpenRead(path);
        using var stream = decompressor(file);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
