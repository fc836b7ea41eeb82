using System.Net;
using CareerGuides.Content.Loading;
using CareerGuides.Web.Content;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareerGuides.Web.Tests;

/// <summary>
/// The running site watches content/: saved files are served without a restart, broken ones keep their last good
/// version, deleted ones disappear and new ones appear everywhere. Every wait is on the reload signal, bounded.
/// </summary>
public sealed class LiveReloadTests
{
    private const string Guide = "guides/data-scientist-to-backend-developer.md";
    private const string GuideUrl = "/guides/data-scientist-to-backend-developer";

    [Fact]
    public async Task A_saved_file_is_served_without_a_restart()
    {
        await using var temp = TempSite.Start(watch: true);
        var text = temp.Read(Guide);

        await temp.ChangeAndWaitAsync(
            () => temp.Write(Guide, text.Replace("timeline_months: { min: 6, max: 12 }", "timeline_months: { min: 7, max: 13 }", StringComparison.Ordinal)),
            s => s.FindGuide("data-scientist-to-backend-developer")?.TimelineMonths.Min == 7);

        var (_, page) = await temp.Site.GetPageAsync(GuideUrl);
        Assert.Equal("7–13 months typical timeline", page.QuerySelector("[data-stat=timeline]")!.Text());
    }

    [Fact]
    public async Task A_broken_save_keeps_the_last_good_version_and_reports_it_until_fixed()
    {
        await using var temp = TempSite.Start(watch: true);
        var good = temp.Read(Guide);

        var broken = await temp.ChangeAndWaitAsync(
            () => temp.Write(Guide, good.Replace("difficulty: moderate", "difficulty: [moderate", StringComparison.Ordinal)),
            s => s.HasErrors);

        Assert.NotNull(broken.FindGuide("data-scientist-to-backend-developer"));
        Assert.Contains(broken.Diagnostics, d => d.Path == Guide && d.Code == "CG0100");
        Assert.Contains(broken.Diagnostics, d => d.Path == Guide && d.Code == "CG0006");
        Assert.Equal(HttpStatusCode.OK, (await temp.Site.GetPageAsync(GuideUrl)).Response.StatusCode);
        using var client = temp.Site.CreateClient();
        var ready = await client.GetStringAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("\"status\": \"Degraded\"", ready);

        await temp.ChangeAndWaitAsync(
            () => temp.Write(Guide, good.Replace("timeline_months: { min: 6, max: 12 }", "timeline_months: { min: 5, max: 12 }", StringComparison.Ordinal)),
            s => !s.HasErrors);

        var (_, page) = await temp.Site.GetPageAsync(GuideUrl);
        Assert.Equal("5–12 months typical timeline", page.QuerySelector("[data-stat=timeline]")!.Text());
    }

    [Fact]
    public async Task A_deleted_file_becomes_404_and_leaves_every_listing()
    {
        await using var temp = TempSite.Start(watch: true);

        await temp.ChangeAndWaitAsync(() => File.Delete(temp.PathOf(Guide)), s => s.FindGuide("data-scientist-to-backend-developer") is null);

        Assert.Equal(HttpStatusCode.NotFound, (await temp.Site.GetPageAsync(GuideUrl)).Response.StatusCode);
        foreach (var listing in new[] { "/", "/roles/data-scientist", "/roles/backend-developer" })
        {
            var (_, page) = await temp.Site.GetPageAsync(listing);
            Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == GuideUrl);
        }
    }

    [Fact]
    public async Task A_new_file_appears_everywhere_it_belongs()
    {
        await using var temp = TempSite.Start(watch: true);
        var text = temp.Read("guides/teacher-to-data-analyst.md")
            .Replace("to: data-analyst", "to: accountant", StringComparison.Ordinal);

        await temp.ChangeAndWaitAsync(() => temp.Write("guides/teacher-to-accountant.md", text), s => s.FindGuide("teacher-to-accountant") is not null);

        Assert.Equal(HttpStatusCode.OK, (await temp.Site.GetPageAsync("/guides/teacher-to-accountant")).Response.StatusCode);
        foreach (var listing in new[] { "/", "/roles/teacher", "/roles/accountant" })
        {
            var (_, page) = await temp.Site.GetPageAsync(listing);
            Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/guides/teacher-to-accountant");
        }
    }

    [Fact]
    public async Task A_role_change_reaches_every_guide_that_uses_the_role()
    {
        await using var temp = TempSite.Start(watch: true);
        var role = temp.Read("roles/backend-developer.md");

        await temp.ChangeAndWaitAsync(
            () => temp.Write("roles/backend-developer.md", role.Replace("entry: { min: 26000, max: 38000 }", "entry: { min: 27000, max: 39000 }", StringComparison.Ordinal)),
            s => s.FindRole("backend-developer")?.Salary.Entry.Min == 27000);

        foreach (var guide in new[] { "data-scientist-to-backend-developer", "frontend-developer-to-backend-developer", "data-analyst-to-backend-developer" })
        {
            var (_, page) = await temp.Site.GetPageAsync($"/guides/{guide}");
            Assert.Equal("£27,000–£39,000", page.QuerySelectorAll("#salary td[data-band=to]")[0].Text());
        }
    }

    [Fact]
    public async Task A_burst_of_hundreds_of_files_causes_a_handful_of_reloads()
    {
        await using var temp = TempSite.Start(watch: true);
        var template = temp.Read("roles/teacher.md");
        var before = temp.Store.ReloadCount;
        var roles = temp.Store.Current.Roles.Length;

        await temp.ChangeAndWaitAsync(
            () =>
            {
                for (var i = 0; i < 300; i++)
                {
                    temp.Write($"roles/burst-role-{i}.md", template.Replace("title: Teacher", $"title: Burst Role {i}", StringComparison.Ordinal));
                }
            },
            s => s.Roles.Length == roles + 300);

        var reloads = temp.Store.ReloadCount - before;
        Assert.InRange(reloads, 1, 10);
    }

    [Fact]
    public async Task An_editor_that_truncates_then_writes_never_takes_the_page_offline()
    {
        await using var temp = TempSite.Start(watch: true);
        var text = temp.Read(Guide);
        var served = new List<bool>();
        temp.Store.Reloaded += (_, s) =>
        {
            lock (served)
            {
                served.Add(s.FindGuide("data-scientist-to-backend-developer") is not null);
            }
        };

        await temp.ChangeAndWaitAsync(
            () =>
            {
                using (File.Open(temp.PathOf(Guide), FileMode.Truncate))
                {
                }

                temp.Write(Guide, text.Replace("difficulty: moderate", "difficulty: challenging", StringComparison.Ordinal));
            },
            s => s.FindGuide("data-scientist-to-backend-developer")?.Difficulty == CareerGuides.Content.Model.Difficulty.Challenging);

        lock (served)
        {
            Assert.All(served, Assert.True);
        }
    }

    [Fact]
    public async Task An_editor_that_writes_a_temporary_file_and_renames_it_is_picked_up()
    {
        await using var temp = TempSite.Start(watch: true);
        var text = temp.Read(Guide);

        await temp.ChangeAndWaitAsync(
            () =>
            {
                var temporary = temp.PathOf("guides/.data-scientist-to-backend-developer.md.swp");
                File.WriteAllText(temporary, text.Replace("difficulty: moderate", "difficulty: straightforward", StringComparison.Ordinal));
                File.Move(temporary, temp.PathOf(Guide), overwrite: true);
            },
            s => s.FindGuide("data-scientist-to-backend-developer")?.Difficulty == CareerGuides.Content.Model.Difficulty.Straightforward);

        Assert.DoesNotContain(temp.Store.Current.Diagnostics, d => d.Path.Contains(".swp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_keeps_one_snapshot_even_when_a_reload_happens_during_it()
    {
        await using var temp = TempSite.Start();
        using var scope = temp.Site.Services.CreateScope();

        var first = scope.ServiceProvider.GetRequiredService<ContentSnapshot>();
        temp.Write(Guide, temp.Read(Guide).Replace("difficulty: moderate", "difficulty: challenging", StringComparison.Ordinal));
        var reloaded = temp.Store.Reload();
        var again = scope.ServiceProvider.GetRequiredService<ContentSnapshot>();

        Assert.Same(first, again);
        Assert.NotSame(first, reloaded.Snapshot);
        using var next = temp.Site.Services.CreateScope();
        Assert.Same(reloaded.Snapshot, next.ServiceProvider.GetRequiredService<ContentSnapshot>());
    }

    [Fact]
    public async Task A_file_saved_while_the_site_is_starting_is_served()
    {
        // The save lands after the first load has read the folder and before the site's background services run
        // (where the watcher used to be started, so that such a save was never noticed).
        await using var temp = TempSite.Start();
        var saved = new SaveOnStart(
            temp.PathOf(Guide),
            temp.Read(Guide).Replace("timeline_months: { min: 6, max: 12 }", "timeline_months: { min: 8, max: 14 }", StringComparison.Ordinal));
        await using var site = new SavingSiteFactory(temp.Root, saved);
        _ = site.Server;

        var served = await saved.Served.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(8, served.FindGuide("data-scientist-to-backend-developer")!.TimelineMonths.Min);
        var (_, page) = await site.GetPageAsync(GuideUrl);
        Assert.Equal("8–14 months typical timeline", page.QuerySelector("[data-stat=timeline]")!.Text());
    }

    /// <summary>A watching site with <see cref="SaveOnStart"/> started before its own background services.</summary>
    private sealed class SavingSiteFactory(string root, SaveOnStart saved)
        : SiteFactory(root, "Production", new Dictionary<string, string> { ["Content:Watch"] = "true" })
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Insert(
                0, ServiceDescriptor.Singleton<IHostedService>(provider => saved.Watching(provider.GetRequiredService<ContentStore>()))));
        }
    }

    /// <summary>A hosted service started before the site's own: it saves a file the first load has already read.</summary>
    private sealed class SaveOnStart(string path, string text) : IHostedService
    {
        private ContentStore? _store;

        public TaskCompletionSource<ContentSnapshot> Served { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SaveOnStart Watching(ContentStore store)
        {
            _store = store;
            store.Reloaded += (_, snapshot) =>
            {
                if (snapshot.FindGuide("data-scientist-to-backend-developer")?.TimelineMonths.Min == 8)
                {
                    Served.TrySetResult(snapshot);
                }
            };
            return this;
        }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Assert.Equal(6, _store!.Current.FindGuide("data-scientist-to-backend-developer")!.TimelineMonths.Min);
            File.WriteAllText(path, text);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
