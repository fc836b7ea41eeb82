using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareerGuides.Web.Tests;

/// <summary>A broken content file never breaks the site, and errors never show their insides outside Development.</summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task A_broken_guide_is_404_while_every_good_page_is_served()
    {
        await using var temp = TempSite.Start("Production", prepare: root =>
        {
            var broken = Path.Combine(root, "guides", "teacher-to-data-analyst.md");
            File.WriteAllText(broken, File.ReadAllText(broken).Replace("difficulty:", "difficulty: [", StringComparison.Ordinal));
        });
        var site = temp.Site;

        Assert.Equal(HttpStatusCode.NotFound, (await site.GetPageAsync("/guides/teacher-to-data-analyst")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.GetPageAsync("/guides/data-scientist-to-backend-developer")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.GetPageAsync("/roles/teacher")).Response.StatusCode);
        var (_, home) = await site.GetPageAsync("/");
        Assert.DoesNotContain(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/guides/teacher-to-data-analyst");
    }

    [Fact]
    public async Task An_unhandled_error_in_production_shows_no_stack_trace()
    {
        await using var site = new ThrowingSiteFactory();
        using var client = site.CreateClient();

        var response = await client.GetAsync(new Uri("/boom", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain("secret detail", body);
        Assert.DoesNotContain(" at ", body.Replace(" at the ", "", StringComparison.Ordinal));
    }

    /// <summary>The production site with one extra endpoint that fails, standing for any bug.</summary>
    private sealed class ThrowingSiteFactory : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>());
        }
    }

    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/boom", (IApplicationBuilder b) => b.Run(_ => throw new InvalidOperationException("secret detail")));
        };
    }
}
