using System.Net;
using AngleSharp.Dom;
using CareerGuides.Content.Loading;
using CareerGuides.Synthetic;

namespace CareerGuides.Web.Tests;

/// <summary>
/// The home page of a large catalogue lists the first few moves from each role and links to the rest on the role's
/// page, rather than every guide (2.4 MB of HTML for 10,000 guides).
/// </summary>
public sealed class HomePageAtScaleTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "careerguides-web-tests", Guid.NewGuid().ToString("n"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Each_role_lists_its_first_moves_and_links_to_all_of_them_on_its_page()
    {
        SyntheticContent.Write(_root, roleCount: 12, guideCount: 100, seed: 3);
        await using var site = new SiteFactory(_root, "Production");

        var (response, home) = await site.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var groups = home.QuerySelectorAll("section.guide-group");
        Assert.NotEmpty(groups);
        var listed = 0;
        var cut = 0;
        foreach (var group in groups)
        {
            var role = group.QuerySelector("h2 a")!;
            var (_, rolePage) = await site.GetPageAsync(role.GetAttribute("href")!);
            var all = MoveLinks(rolePage.QuerySelector("#moves-from")!);
            var shown = MoveLinks(group);
            var more = group.QuerySelector(".guide-group__more a");

            // The first moves are the role page's first moves, in the same order.
            Assert.Equal(all.Take(RoleGuides.PreviewLength), shown);
            if (all.Length > RoleGuides.PreviewLength)
            {
                Assert.NotNull(more);
                Assert.Equal($"All {all.Length} moves from {role.TextContent}", more.TextContent);
                Assert.Equal(role.GetAttribute("href") + "#moves-from", more.GetAttribute("href"));
                cut++;
            }
            else
            {
                Assert.Null(more);
            }

            listed += shown.Length;
        }

        Assert.True(cut > 0, "no role had more guides than the home page lists: the test content is too small");
        Assert.True(listed < 100, $"the home page lists {listed} of 100 guides");
    }

    private static string[] MoveLinks(IElement scope) =>
        [.. scope.QuerySelectorAll("a[href^='/guides/']").Select(a => a.GetAttribute("href")!)];
}
