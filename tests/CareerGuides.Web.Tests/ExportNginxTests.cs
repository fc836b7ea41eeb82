using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CareerGuides.Web.Export;

namespace CareerGuides.Web.Tests;

/// <summary>
/// The static export served by Debian's nginx with the configuration <c>docs/deployment.md</c> documents, taken from
/// that file as written: old guide addresses answer 301, every file is served with its exact bytes, unknown paths
/// get the 404 page, and clients that accept gzip or Brotli get the precompressed copies. Skipped without nginx,
/// except under <c>CI=true</c>, where nginx and its Brotli module must be there.
/// </summary>
public sealed class ExportNginxTests
{
    private const string Guide = "teacher-to-data-analyst";
    private const string NginxBinary = "/usr/sbin/nginx";
    private const string BrotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
    private const string DocumentedRoot = "/srv/careerguides";

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task Nginx_with_the_documented_configuration_serves_the_export_as_the_site_does()
    {
        if (!File.Exists(NginxBinary))
        {
            Assert.False(IsCi, $"CI=true, so this test must run: {NginxBinary} is missing (apt-get install nginx).");
            Assert.Skip($"{NginxBinary} is not installed (apt-get install nginx).");
        }

        var brotli = File.Exists(BrotliModule);
        Assert.True(brotli || !IsCi, $"CI=true, so Brotli must be checked: {BrotliModule} is missing (apt-get install libnginx-mod-http-brotli-static).");

        await using var site = TempSite.Start(prepare: root =>
        {
            var path = Path.Combine(root, "guides", Guide + ".md");
            File.WriteAllText(path, File.ReadAllText(path).Replace("\nfrom: teacher\n", "\nredirect_from: [/guides/teaching-to-data, /guides/teacher-to-analyst]\nfrom: teacher\n", StringComparison.Ordinal));
        });
        var work = Path.Combine(site.Root, "..", Path.GetFileName(site.Root) + "-nginx");
        var output = Path.Combine(work, "export");
        Process? nginx = null;
        try
        {
            await ExportTests.ExportAsync(site.Root, output);
            var port = FreePort();
            nginx = StartNginx(work, output, port, brotli);
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            };
            await WaitUntilServingAsync(client, nginx);
            var publicRoot = Path.Combine(output, StaticExporter.PublicFolder);

            // Every old guide address the export wrote answers 301 to its guide.
            var redirects = File.ReadAllLines(Path.Combine(publicRoot, StaticExporter.NetlifyRedirectsName))
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => l.Split(' '))
                .ToArray();
            Assert.Contains(redirects, r => r[0] == "/guides/teaching-to-data" && r[1] == $"/guides/{Guide}");
            Assert.Equal(2, redirects.Length);
            foreach (var redirect in redirects)
            {
                using var response = await GetAsync(client, redirect[0]);
                Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
                Assert.Equal(redirect[1], response.Headers.Location?.OriginalString);
            }

            // Every exported file at its URL, with its exact bytes.
            var files = Directory.EnumerateFiles(publicRoot, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(publicRoot, f).Replace('\\', '/'))
                .Where(f => !f.EndsWith(".br", StringComparison.Ordinal) && !f.EndsWith(".gz", StringComparison.Ordinal))
                .Where(f => f is not (StaticExporter.NetlifyRedirectsName or StaticExporter.NotFoundName))
                .ToArray();
            Assert.Contains($"guides/{Guide}.html", files);
            foreach (var file in files)
            {
                var url = file == "index.html" ? "/" : file.EndsWith(".html", StringComparison.Ordinal) ? "/" + file[..^".html".Length] : "/" + file;
                using var response = await GetAsync(client, url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
                Assert.Null(response.Content.Headers.ContentEncoding.FirstOrDefault());
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(publicRoot, file), TestContext.Current.CancellationToken), await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            }

            // Unknown paths, the redirects file and what lives beside public/: the 404 page, with status 404.
            var notFound = await File.ReadAllBytesAsync(Path.Combine(publicRoot, StaticExporter.NotFoundName), TestContext.Current.CancellationToken);
            foreach (var url in new[] { "/guides/no-such-guide", "/no-such-page", "/_redirects", "/" + StaticExporter.ManifestName, "/" + StaticExporter.NginxRedirectsName })
            {
                using var response = await GetAsync(client, url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url}: {(int)response.StatusCode}");
                Assert.Equal(notFound, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            }

            // A trailing slash is answered with 301 to the canonical address, as the site does.
            using (var slash = await GetAsync(client, "/roles/"))
            {
                Assert.Equal(HttpStatusCode.MovedPermanently, slash.StatusCode);
                Assert.Equal("/roles", slash.Headers.Location?.OriginalString);
            }

            // Precompressed copies: the exact bytes of the .gz and .br files, for a page, the 404 page and a stylesheet.
            var stylesheet = files.First(f => f.StartsWith("css/", StringComparison.Ordinal));
            foreach (var (url, file, status) in new[] { ($"/guides/{Guide}", $"guides/{Guide}.html", HttpStatusCode.OK), ("/", "index.html", HttpStatusCode.OK), ("/" + stylesheet, stylesheet, HttpStatusCode.OK), ("/no-such-page", StaticExporter.NotFoundName, HttpStatusCode.NotFound) })
            {
                foreach (var (encoding, suffix) in brotli ? new[] { ("gzip", ".gz"), ("br", ".br") } : [("gzip", ".gz")])
                {
                    using var response = await GetAsync(client, url, encoding);
                    Assert.Equal(status, response.StatusCode);
                    Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
                    Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(publicRoot, file + suffix), TestContext.Current.CancellationToken), await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
                }
            }
        }
        finally
        {
            if (nginx is not null)
            {
                if (!nginx.HasExited)
                {
                    nginx.Kill(entireProcessTree: true);
                    await nginx.WaitForExitAsync(CancellationToken.None);
                }

                nginx.Dispose();
            }

            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>The nginx block of docs/deployment.md, pointed at <paramref name="output"/> and a loopback port.</summary>
    private static string DocumentedServer(string output, int port, bool brotli)
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "deployment.md"));
        var section = doc[doc.IndexOf("### Serving the export with nginx", StringComparison.Ordinal)..];
        var start = section.IndexOf("```nginx\n", StringComparison.Ordinal) + "```nginx\n".Length;
        var block = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        Assert.Contains($"root {DocumentedRoot}/public;", block, StringComparison.Ordinal);
        Assert.Contains("listen 80;", block, StringComparison.Ordinal);
        block = block.Replace(DocumentedRoot, output, StringComparison.Ordinal).Replace("listen 80;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal);
        return brotli ? block : string.Join('\n', block.Split('\n').Where(l => !l.TrimStart().StartsWith("brotli_static", StringComparison.Ordinal)));
    }

    private static Process StartNginx(string work, string output, int port, bool brotli)
    {
        var config = Path.Combine(work, "nginx.conf");
        var runningAsRoot = Environment.UserName == "root";
        File.WriteAllText(config, $$"""
            {{(brotli ? $"load_module {BrotliModule};" : "")}}
            {{(runningAsRoot ? "user root;" : "")}}
            daemon off;
            worker_processes 1;
            pid {{Path.Combine(work, "nginx.pid")}};
            error_log {{Path.Combine(work, "error.log")}} warn;
            events { worker_connections 64; }
            http {
              include /etc/nginx/mime.types;
              default_type application/octet-stream;
              access_log off;
              client_body_temp_path {{work}}; proxy_temp_path {{work}}; fastcgi_temp_path {{work}}; uwsgi_temp_path {{work}}; scgi_temp_path {{work}};
              {{DocumentedServer(output, port, brotli)}}
            }
            """);
        var start = new ProcessStartInfo(NginxBinary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", config, "-p", work })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
    }

    /// <summary>Waits (at most 200 polls) until nginx answers; fails with its error log if it exits or never answers.</summary>
    private static async Task WaitUntilServingAsync(HttpClient client, Process nginx)
    {
        for (var i = 0; i < 200 && !nginx.HasExited; i++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        var errors = nginx.HasExited ? await nginx.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken) : "still starting";
        Assert.Fail($"nginx did not serve (exited: {nginx.HasExited}): {errors}");
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
