using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using CareerGuides.Content.Loading;
using CareerGuides.Web.Content;
using CareerGuides.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace CareerGuides.Web.Seo;

/// <summary>
/// The <see cref="SiteSeo"/> of the snapshot being served. It is built once per snapshot, the first time that
/// snapshot is asked for (at start-up, and after each reload), and kept alongside it for as long as it lives.
/// </summary>
internal sealed partial class SeoCatalog
{
    private readonly ContentStore _store;
    private readonly ConditionalWeakTable<ContentSnapshot, SiteSeo> _bySnapshot = [];
    private readonly ConditionalWeakTable<ContentSnapshot, SiteSeo>.CreateValueCallback _build;
    private readonly WeakReference<SiteSeo> _last = new(null!);

    public SeoCatalog(ContentStore store, IOptions<SiteOptions> options, ILogger<SeoCatalog> logger)
    {
        _store = store;
        var site = options.Value;
        if (!BaseUrlAttribute.TryParse(site.BaseUrl, out var baseUrl))
        {
            throw new OptionsValidationException(SiteOptions.Section, typeof(SiteOptions), [$"Site:BaseUrl '{site.BaseUrl}' is not a valid base URL."]);
        }

        Site = new SiteIdentity(baseUrl, site.Name, Fingerprint(site, baseUrl));
        _build = snapshot =>
        {
            // Built from the last snapshot's SEO data, whose unchanged pages it reuses; kept weakly, so that an old
            // snapshot's data is never held only for this.
            var started = Stopwatch.GetTimestamp();
            var seo = SiteSeo.Build(snapshot, Site, _last.TryGetTarget(out var last) ? last : null);
            _last.SetTarget(seo);
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogBuilt(logger, seo.Pages.Length, snapshot.Version, elapsed.TotalMilliseconds);
            return seo;
        };
    }

    public SiteIdentity Site { get; }

    /// <summary>The SEO data of the snapshot being served now.</summary>
    public SiteSeo Current => For(_store.Current);

    public SiteSeo For(ContentSnapshot snapshot) => _bySnapshot.GetValue(snapshot, _build);

    /// <summary>A hash of the compiled site (Razor views compile into the web assembly) and of the settings pages show.</summary>
    private static string Fingerprint(SiteOptions site, string baseUrl)
    {
        var parts = string.Join(
            '\n',
            typeof(SeoCatalog).Assembly.ManifestModule.ModuleVersionId,
            typeof(ContentSnapshot).Assembly.ManifestModule.ModuleVersionId,
            baseUrl,
            site.Name,
            site.InterviewPracticeUrlTemplate);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parts)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SEO data of {Pages} pages built for version {Version} in {ElapsedMs:0.0} ms")]
    private static partial void LogBuilt(ILogger logger, int pages, string version, double elapsedMs);
}
