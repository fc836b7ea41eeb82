using CareerGuides.Content.Loading;

namespace CareerGuides.Content.Tests;

/// <summary>Every published page and the date its content last changed, taken from the content's own dates.</summary>
public sealed class PublishedPagesTests : LoaderTestBase
{
    private PublishedPages Pages() => Load().Snapshot.Pages;

    [Fact]
    public void Lists_the_home_page_the_role_list_every_role_and_every_guide_once()
    {
        Assert.Equal(
            ["/", "/roles", "/roles/backend-developer", "/roles/data-scientist", "/guides/data-scientist-to-backend-developer"],
            Pages().All.Select(p => p.Path));
        Assert.Equal(
            [PageKind.Home, PageKind.RoleIndex, PageKind.Role, PageKind.Role, PageKind.Guide],
            Pages().All.Select(p => p.Kind));
    }

    [Fact]
    public void A_guide_changed_on_its_updated_date()
    {
        WriteGuide(text => text.Replace("updated: 2026-11-20", "updated: 2026-11-23", StringComparison.Ordinal));

        var page = Pages().Find("/guides/data-scientist-to-backend-developer")!;

        Assert.Equal(new DateOnly(2026, 11, 23), page.LastModified);
        Assert.Equal("data-scientist-to-backend-developer", page.Guide!.Slug);
    }

    [Fact]
    public void A_role_changed_on_the_latest_of_its_salary_review_and_the_guides_from_and_into_it()
    {
        // Both roles were reviewed on 2026-11-01; the guide between them was updated on 2026-11-20.
        Assert.Equal(new DateOnly(2026, 11, 20), Pages().Find("/roles/data-scientist")!.LastModified);
        Assert.Equal(new DateOnly(2026, 11, 20), Pages().Find("/roles/backend-developer")!.LastModified);

        WriteRole(text => text.Replace("reviewed: 2026-11-01", "reviewed: 2026-12-03", StringComparison.Ordinal));

        Assert.Equal(new DateOnly(2026, 12, 3), Pages().Find("/roles/data-scientist")!.LastModified);
        Assert.Equal(new DateOnly(2026, 11, 20), Pages().Find("/roles/backend-developer")!.LastModified);
    }

    [Fact]
    public void A_role_without_guides_changed_on_its_salary_review()
    {
        Content.Write("roles/teacher.md", Samples.Role("Teacher").Replace("reviewed: 2026-11-01", "reviewed: 2026-10-02", StringComparison.Ordinal));

        Assert.Equal(new DateOnly(2026, 10, 2), Pages().Find("/roles/teacher")!.LastModified);
    }

    [Fact]
    public void The_role_list_takes_the_latest_role_date_and_the_home_page_the_latest_of_all()
    {
        Content.Write("roles/teacher.md", Samples.Role("Teacher").Replace("reviewed: 2026-11-01", "reviewed: 2026-12-24", StringComparison.Ordinal));
        WriteGuide(text => text.Replace("updated: 2026-11-20", "updated: 2026-12-25", StringComparison.Ordinal));

        var pages = Pages();

        Assert.Equal(new DateOnly(2026, 12, 25), pages.Find("/roles")!.LastModified);
        Assert.Equal(new DateOnly(2026, 12, 25), pages.Find("/")!.LastModified);
        Assert.Equal(new DateOnly(2026, 12, 24), pages.Find("/roles/teacher")!.LastModified);
    }

    [Fact]
    public void A_page_is_found_only_by_its_exact_canonical_path()
    {
        var pages = Pages();

        Assert.NotNull(pages.Find("/roles/data-scientist"));
        Assert.Null(pages.Find("/roles/Data-Scientist"));
        Assert.Null(pages.Find("/roles/data-scientist/"));
        Assert.Null(pages.Find("/roles/astronaut"));
    }

    [Fact]
    public void Empty_content_publishes_an_undated_home_page_and_role_list()
    {
        using var empty = new TempContent();

        var pages = new ContentLoader().Load(empty.Root).Snapshot.Pages;

        Assert.Equal(["/", "/roles"], pages.All.Select(p => p.Path));
        Assert.All(pages.All, p => Assert.Null(p.LastModified));
    }
}
