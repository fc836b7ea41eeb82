using AngleSharp;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareerGuides.Web.Tests;

/// <summary>
/// The site in memory over the bundled content (or a given folder), in a given environment. The practice link
/// template is set to a test address so tests can see it is used.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    public const string PracticeTemplate = "https://practice.test/interviews/{role}?from=guides";

    /// <summary>The configured base URL: canonical URLs must use it, never the test server's "localhost".</summary>
    public const string BaseUrl = "https://careerguides.test";

    /// <summary>The one host name the site answers (host filtering): the test client's own.</summary>
    public const string AllowedHost = "localhost";

    private readonly string? _contentPath;
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public SiteFactory()
        : this(null, "Production")
    {
    }

    /// <param name="contentPath">A content folder, or null for the bundled one.</param>
    /// <param name="environment">Production or Development.</param>
    /// <param name="settings">Extra configuration; the content watcher is off unless a test turns it on.</param>
    internal SiteFactory(string? contentPath, string environment, IReadOnlyDictionary<string, string>? settings = null)
    {
        _contentPath = contentPath;
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string>();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Site:InterviewPracticeUrlTemplate", PracticeTemplate);
        builder.UseSetting("Site:BaseUrl", BaseUrl);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Content:Watch", "false");

        // No parse cache unless a test asks for one: each test's content is parsed by the code under test.
        builder.UseSetting("Content:CachePath", "");
        builder.UseSetting("AllowedHosts", AllowedHost);

        // One in-memory client stands for every test: the rate limit is switched on by the tests that test it.
        builder.UseSetting("Security:RateLimit:Enabled", "false");
        if (_contentPath is not null)
        {
            builder.UseSetting("Content:Path", _contentPath);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>GETs a page and parses it, returning the status code too.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(string path)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html), TestContext.Current.CancellationToken);
        return (response, document);
    }
}

/// <summary>One site over the bundled content, shared by the page tests.</summary>
[CollectionDefinition(Name)]
public sealed class SharedSite : ICollectionFixture<SiteFactory>
{
    public const string Name = "Site";
}
