using System.Net;
using System.Text;

namespace CareerGuides.Web.Tests.Security;

/// <summary>
/// Random paths, methods and headers through the whole app (in memory). A finding is a 5xx, an exception reaching
/// the client, a stack trace or a file's contents in a body, or a status the site never means to give. CI runs a
/// brief pass; FUZZ_ITERATIONS sets a longer one (the test timeout turns a hang into a failure).
/// </summary>
[Collection(SharedSite.Name)]
public sealed class PathFuzzTests(SiteFactory site, ITestOutputHelper output)
{
    private static readonly string[] Segments =
    [
        "", "guides", "roles", "css", "site.css", "sitemap.xml", "robots.txt", "healthz", "readyz", "error", "status", "404", "500",
        "_content", "problems", "teacher", "data-scientist", "teacher-to-data-analyst", "data-scientist-to-backend-developer",
        "Teacher", "TEACHER", "..", ".", "%2e%2e", "%2E", "%2f", "%5c", "%00", "%01", "%ff", "%C0%AE", "%E2%80%8B", "%EF%BC%8F",
        "%D0%B0", "%F0%9F%98%80", "%", "%%", "%zz", "appsettings.json", ".git", "config", "CareerGuides.Web.dll", "bin", "obj",
        "web.config", "~", "*", "'", "\"", "<script>", ";", ",", "=", "&", "+", " ", "%20", "a b", "index", "Index", "_framework",
    ];

    private static readonly HttpStatusCode[] Expected =
    [
        HttpStatusCode.OK, HttpStatusCode.MovedPermanently, HttpStatusCode.NotModified, HttpStatusCode.BadRequest,
        HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed, HttpStatusCode.RequestUriTooLong, HttpStatusCode.RequestHeaderFieldsTooLarge,
    ];

    [Fact(Timeout = 600_000)]
    public async Task Random_requests_get_only_intended_statuses()
    {
        var fuzz = new Fuzz(Fuzz.Seed + 2);
        var iterations = Fuzz.Iterations(brief: 400);
        using var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var findings = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var unsendable = 0;

        for (var i = 0; i < iterations; i++)
        {
            var path = RandomPath(fuzz);
            var method = fuzz.Next(10) switch
            {
                < 7 => HttpMethod.Get,
                7 => HttpMethod.Head,
                8 => HttpMethod.Post,
                _ => new HttpMethod(fuzz.Pick(["PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "PROPFIND", "X"])),
            };
            // Absolute, so that a path starting with "//" stays a path rather than naming a host.
            if (!Uri.TryCreate("http://localhost" + path, UriKind.Absolute, out var uri) || uri.Host != "localhost")
            {
                unsendable++;
                continue;
            }

            using var request = new HttpRequestMessage(method, uri);
            AddRandomHeaders(fuzz, request);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
            {
                // The in-memory client cannot carry a NUL in a path (Kestrel answers 400: see KestrelLimitsTests).
                unsendable++;
                continue;
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or UriFormatException)
            {
                // The in-memory server rethrows an exception that escaped the app: that is a finding.
                findings.Add($"#{i} {method} {path}: {e.GetType().Name}: {e.Message}");
                continue;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                if (!Expected.Contains(response.StatusCode) || body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal)
                    || body.Contains("\"Serilog\"", StringComparison.Ordinal) || body.Contains("salary_source:", StringComparison.Ordinal))
                {
                    findings.Add($"#{i} {method} {path}: {(int)response.StatusCode}");
                }
            }
        }

        output.WriteLine($"path fuzz: seed {Fuzz.Seed + 2}, {iterations} executions ({unsendable} not expressible in memory), statuses {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))}, {findings.Count} findings");
        Assert.True(findings.Count == 0, string.Join("\n", findings.Take(30)));
    }

    private static string RandomPath(Fuzz fuzz)
    {
        var builder = new StringBuilder();
        var segments = 1 + fuzz.Next(5);
        for (var s = 0; s < segments; s++)
        {
            builder.Append(fuzz.Next(12) == 0 ? "//" : "/");
            builder.Append(fuzz.Next(8) switch
            {
                0 => new string('a', 1 + fuzz.Next(3_000)),
                1 => fuzz.Pick(Segments) + fuzz.Pick(Segments),
                2 => new string((char)(0x20 + fuzz.Next(0x5F)), 1 + fuzz.Next(5)),
                _ => fuzz.Pick(Segments),
            });
        }

        if (fuzz.Next(6) == 0)
        {
            builder.Append('?').Append(fuzz.Pick(Segments)).Append('=').Append(fuzz.Pick(Fuzz.Tokens));
        }

        if (fuzz.Next(10) == 0)
        {
            builder.Append('/');
        }

        return builder.ToString();
    }

    private static void AddRandomHeaders(Fuzz fuzz, HttpRequestMessage request)
    {
        string Value() => fuzz.Next(3) == 0 ? fuzz.Pick(Fuzz.Tokens) : fuzz.Pick(["*", "W/\"x\"", "\"abc\"", "Tue, 24 Nov 2026 00:00:00 GMT", "garbage", "", "bytes=0-10", "en-GB", "text/html"]);
        foreach (var name in new[] { "If-None-Match", "If-Modified-Since", "Accept", "Accept-Language", "Range", "X-Forwarded-For", "X-Forwarded-Proto", "Cookie", "Referer" })
        {
            if (fuzz.Next(4) == 0)
            {
                request.Headers.TryAddWithoutValidation(name, Value().Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\0", "", StringComparison.Ordinal));
            }
        }
    }
}
