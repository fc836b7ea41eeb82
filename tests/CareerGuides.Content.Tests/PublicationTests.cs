using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Loading;

namespace CareerGuides.Content.Tests;

/// <summary>Drafts, scheduled guides, review-by dates and old addresses.</summary>
public sealed class PublicationTests : LoaderTestBase
{
    private static readonly TimeProvider November24 = new FixedTime(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    private LoadResult Load(bool includeUnpublished) => new ContentLoader(November24, includeUnpublished).Load(Content.Root);

    [Fact]
    public void A_draft_guide_is_hidden_unless_unpublished_content_is_included()
    {
        WriteGuide(t => t.Replace("updated:", "draft: true\nupdated:"));

        Assert.Empty(Load(includeUnpublished: false).Snapshot.Guides);
        var shown = Load(includeUnpublished: true).Snapshot;
        var guide = Assert.Single(shown.Guides);
        Assert.Equal("Draft", shown.NotLiveReason(guide));
    }

    [Fact]
    public void A_guide_with_a_future_publish_date_is_scheduled()
    {
        WriteGuide(t => t.Replace("published: 2026-03-02", "published: 2026-11-25").Replace("updated: 2026-11-20", "updated: 2026-11-25"));

        var hidden = Load(includeUnpublished: false).Snapshot;
        Assert.Empty(hidden.Guides);
        Assert.Equal(new DateOnly(2026, 11, 25), hidden.NextScheduledPublication);
        var shown = Load(includeUnpublished: true).Snapshot;
        Assert.Equal("Scheduled: goes live on 25 November 2026", shown.NotLiveReason(shown.Guides[0]));
    }

    [Fact]
    public void A_guide_published_today_is_live()
    {
        WriteGuide(t => t.Replace("published: 2026-03-02", "published: 2026-11-24").Replace("updated: 2026-11-20", "updated: 2026-11-24"));

        Assert.Single(Load(includeUnpublished: false).Snapshot.Guides);
    }

    [Fact]
    public void A_draft_role_hides_the_role_and_its_guides()
    {
        WriteRole(t => t.Replace("typical_day:", "draft: true\ntypical_day:"));

        var snapshot = Load(includeUnpublished: false).Snapshot;

        Assert.Null(snapshot.FindRole("data-scientist"));
        Assert.Empty(snapshot.Guides);
        Assert.Empty(snapshot.Diagnostics);
    }

    [Fact]
    public void A_passed_review_date_is_a_warning_and_the_guide_stays_published()
    {
        WriteGuide(t => t.Replace("updated:", "review_by: 2026-11-01\nupdated:"));

        var snapshot = Load(includeUnpublished: false).Snapshot;

        var d = Assert.Single(snapshot.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.ReviewOverdue, 19, 12, "review_by"), (d.Severity, d.Code, d.Line, d.Column, d.Field));
        Assert.Single(snapshot.Guides);
    }

    [Fact]
    public void A_future_review_date_is_fine()
    {
        WriteGuide(t => t.Replace("updated:", "review_by: 2027-01-01\nupdated:"));

        Assert.Empty(Load(includeUnpublished: false).Snapshot.Diagnostics);
    }

    [Fact]
    public void Old_addresses_are_normalised_and_found()
    {
        WriteGuide(t => t.Replace("updated:", "redirect_from: [ /Guides/Old-Name/, /legacy/x.html ]\nupdated:"));

        var snapshot = Load(includeUnpublished: false).Snapshot;

        Assert.Empty(snapshot.Diagnostics);
        Assert.Equal("data-scientist-to-backend-developer", snapshot.FindRedirect("/guides/old-name")!.Slug);
        Assert.Equal("data-scientist-to-backend-developer", snapshot.FindRedirect("/LEGACY/x.html")!.Slug);
        Assert.Null(snapshot.FindRedirect("/guides/other"));
    }

    [Theory]
    [InlineData("https://example.com/guides/x", DiagnosticCodes.InvalidRedirect)]
    [InlineData("guides/x", DiagnosticCodes.InvalidRedirect)]
    [InlineData("/guides/x?a=1", DiagnosticCodes.InvalidRedirect)]
    [InlineData("/guides/data-scientist-to-backend-developer", DiagnosticCodes.RedirectCollision)]
    [InlineData("/roles/data-scientist", DiagnosticCodes.RedirectCollision)]
    [InlineData("/sitemap.xml", DiagnosticCodes.RedirectCollision)]
    public void Bad_or_clashing_old_addresses_are_errors(string oldAddress, string code)
    {
        WriteGuide(t => t.Replace("updated:", $"redirect_from: [ \"{oldAddress}\" ]\nupdated:"));

        var snapshot = new ContentBuilder(Content.Root, November24, false, SitePaths.Reserved).Build().Snapshot;

        var d = Assert.Single(snapshot.Diagnostics);
        Assert.Equal((code, 19), (d.Code, d.Line));
    }

    [Fact]
    public void Two_guides_claiming_the_same_old_address_is_an_error_on_the_second()
    {
        WriteGuide(t => t.Replace("updated:", "redirect_from: [ /guides/shared ]\nupdated:"));
        Content.Write("roles/teacher.md", Samples.Role("Teacher"))
            .Write("guides/teacher-to-backend-developer.md", Samples.Guide("teacher", "backend-developer").Replace("updated:", "redirect_from: [ /guides/shared ]\nupdated:"));

        var snapshot = Load(includeUnpublished: false).Snapshot;

        var d = Assert.Single(snapshot.Diagnostics);
        Assert.Equal(("guides/teacher-to-backend-developer.md", DiagnosticCodes.RedirectCollision), (d.Path, d.Code));
        Assert.Contains("guides/data-scientist-to-backend-developer.md", d.Message);
        Assert.Equal("data-scientist-to-backend-developer", snapshot.FindRedirect("/guides/shared")!.Slug);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
