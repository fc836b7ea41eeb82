using System.Net;

namespace CareerGuides.Web.Tests;

/// <summary>Unknown pages answer a real 404 with a page that helps the reader on.</summary>
[Collection(SharedSite.Name)]
public sealed class NotFoundTests(SiteFactory site)
{
    [Theory]
    [InlineData("/guides/astronaut-to-backend-developer")]
    [InlineData("/roles/astronaut")]
    [InlineData("/no-such-page")]
    [InlineData("/guides/")]
    public async Task Unknown_pages_answer_404_with_a_helpful_page(string path)
    {
        var (response, page) = await site.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.Text());
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/roles/data-scientist");
    }
}
