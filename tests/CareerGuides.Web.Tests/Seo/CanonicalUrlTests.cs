using System.Net;
using CareerGuides.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;

namespace CareerGuides.Web.Tests.Seo;

/// <summary>One URL per page: canonical URLs from Site:BaseUrl, 301 for variants of a page's path, a real 404 otherwise.</summary>
[Collection(SharedSite.Name)]
public sealed class CanonicalUrlTests(SiteFactory site)
{
    [Theory]
    [MemberData(nameof(SeoTestSupport.PageTypes), MemberType = typeof(SeoTestSupport))]
    public async Task Every_page_names_its_canonical_url_from_the_configured_base_url(string path)
    {
        var (response, page) = await site.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SiteFactory.BaseUrl + path, Assert.Single(page.QuerySelectorAll("link[rel=canonical]")).GetAttribute("href"));
    }

    [Fact]
    public async Task The_canonical_url_ignores_the_requests_host_header()
    {
        // The test client's Host is "localhost" (the allowed host); the canonical URL is still the configured base URL.
        using var response = await site.SendAsync(HttpMethod.Get, "/roles/teacher", _ => { });
        var page = await SeoTestSupport.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://careerguides.test/roles/teacher", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.DoesNotContain("localhost", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_that_is_not_allowed_is_refused_before_any_page_is_built()
    {
        using var response = await site.SendAsync(HttpMethod.Get, "/roles/teacher", r => r.Headers.Host = "attacker.example");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("attacker.example", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Roles", "/roles")]
    [InlineData("/roles/", "/roles")]
    [InlineData("/ROLES/", "/roles")]
    [InlineData("/roles/Data-Scientist", "/roles/data-scientist")]
    [InlineData("/roles/data-scientist/", "/roles/data-scientist")]
    [InlineData("/roles//data-scientist", "/roles/data-scientist")]
    [InlineData("/Guides/Data-Scientist-To-Backend-Developer", "/guides/data-scientist-to-backend-developer")]
    [InlineData("/guides/data-scientist-to-backend-developer/", "/guides/data-scientist-to-backend-developer")]
    [InlineData("/Roles/?a=1&b=2", "/roles?a=1&b=2")]
    [InlineData("/Sitemap.xml", "/sitemap.xml")]
    [InlineData("/ROBOTS.TXT", "/robots.txt")]
    public async Task Variants_of_a_pages_path_answer_301_to_the_canonical_path(string variant, string canonical)
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            using var response = await site.SendAsync(method, variant);

            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(canonical, response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task The_canonical_path_itself_is_served_not_redirected()
    {
        using var response = await site.SendAsync(HttpMethod.Get, "/guides/data-scientist-to-backend-developer?utm_source=news");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/Guides/Astronaut-To-Backend-Developer")]
    [InlineData("/guides/astronaut-to-backend-developer/")]
    [InlineData("/Roles/Astronaut/")]
    [InlineData("/roles/data-scientist/extra")]
    [InlineData("/index")]
    [InlineData("/error")]
    [InlineData("/status/200")]
    public async Task Unknown_pages_and_their_variants_answer_a_real_404_without_a_redirect(string path)
    {
        var (response, page) = await site.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("link[rel=canonical]"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("careerguides.example")]
    [InlineData("/relative")]
    [InlineData("ftp://careerguides.example")]
    [InlineData("https://careerguides.example/guides")]
    [InlineData("https://careerguides.example/?x=1")]
    [InlineData("https://careerguides.example/#top")]
    [InlineData("https://user:secret@careerguides.example")]
    public async Task The_site_refuses_to_start_with_an_invalid_base_url(string baseUrl)
    {
        await using var app = BuildSite(baseUrl);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(error.Failures, f => f.Contains("BaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_site_starts_with_a_valid_base_url()
    {
        await using var app = BuildSite("https://careerguides.example");

        await app.StartAsync(TestContext.Current.CancellationToken);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The site's own service registrations (as Program.cs makes them) on a test server, with a base URL.</summary>
    private static WebApplication BuildSite(string baseUrl)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Content:Path"] = RepositoryPaths.Content;
        builder.Configuration["Content:CachePath"] = "";
        builder.Configuration["Site:InterviewPracticeUrlTemplate"] = SiteFactory.PracticeTemplate;
        builder.Configuration["Site:BaseUrl"] = baseUrl;
        builder.AddContent().AddSiteServices();
        return builder.Build();
    }

    [Theory]
    [InlineData("https://careerguides.test/", "https://careerguides.test/roles")]
    [InlineData("https://CareerGuides.Test:443", "https://careerguides.test/roles")]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/roles")]
    public async Task A_valid_base_url_is_normalised_before_it_is_used(string baseUrl, string canonical)
    {
        await using var factory = new BaseUrlSiteFactory(baseUrl);

        var (_, page) = await factory.GetPageAsync("/roles");

        Assert.Equal(canonical, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    private sealed class BaseUrlSiteFactory(string baseUrl) : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Site:BaseUrl", baseUrl);
        }
    }
}
