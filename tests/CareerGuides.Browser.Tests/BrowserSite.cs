using CareerGuides.Content.Loading;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace CareerGuides.Browser.Tests;

/// <summary>
/// One site on a real loopback port (Kestrel) and one headless Debian Chromium driven by Playwright, shared by every
/// browser test. Playwright never downloads a browser here: it launches the one at <c>/usr/bin/chromium</c> (or
/// <c>CHROME_PATH</c>). Without that browser each test is skipped with the reason, except under CI (<c>CI=true</c>),
/// where a missing browser fails the run instead.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    /// <summary>The configured public address: canonical URLs (and so the copy-link button) use it.</summary>
    public const string BaseUrl = "https://careerguides.test";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-dev-shm-usage",
    ];

    private Server? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where Chromium is expected.</summary>
    public static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("CHROME_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Whether this run is CI (<c>CI=true</c>), where a missing browser is a failure rather than a skip.</summary>
    public static bool IsCi { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Folder for screenshots and PDFs (artifacts/screenshots at the repository root, ignored by git).</summary>
    public static string ArtifactsPath { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");

    /// <summary>The bundled content, loaded on its own: the oracle for the figures the pages must show.</summary>
    public static ContentSnapshot Content { get; } = new ContentLoader().Load(RepositoryPaths.Content).Snapshot;

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>The site's loopback address ("http://127.0.0.1:PORT/").</summary>
    public Uri Origin { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Unavailable);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"Chromium is not installed at {ChromiumPath}: install it (apt-get install chromium) or set CHROME_PATH to run the browser tests.";
            return;
        }

        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        }
        catch (PlaywrightException e)
        {
            Unavailable = $"Chromium at {ChromiumPath} could not be started by Playwright: {e.Message}";
            return;
        }

        _server = new Server();
        _server.UseKestrel(0);
        _server.StartServer();
        Origin = _server.ClientOptions.BaseAddress;
        Directory.CreateDirectory(ArtifactsPath);
    }

    /// <summary>Skips the calling test when there is no browser (fails it under CI).</summary>
    public void RequireBrowser()
    {
        if (Unavailable is null)
        {
            return;
        }

        if (IsCi)
        {
            Assert.Fail($"CI=true, so the browser tests must run: {Unavailable}");
        }

        Assert.Skip(Unavailable);
    }

    /// <summary>A fresh browser context (own storage, no cookies) with one page, at a size and colour scheme.</summary>
    public async Task<BrowserPage> OpenAsync(Viewport viewport, ColorScheme scheme = ColorScheme.Light, bool javaScript = true)
    {
        RequireBrowser();
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Origin.ToString(),
            ViewportSize = new() { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsMobile,
            HasTouch = viewport.IsMobile,
            DeviceScaleFactor = 1,
            ColorScheme = scheme,
            JavaScriptEnabled = javaScript,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserPage(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The site in Production over the bundled content, as CI's site checks run it.</summary>
    private sealed class Server : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Site:BaseUrl", BaseUrl);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Content:Watch", "false");
            builder.UseSetting("Content:CachePath", "");
        }
    }
}

/// <summary>A browser context and its page; disposing closes both.</summary>
public sealed class BrowserPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    /// <summary>Opens a path and returns the response's status.</summary>
    public async Task<int> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        return response?.Status ?? 0;
    }

    /// <summary>Saves a full-page screenshot as artifacts/screenshots/<paramref name="name"/>.png.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ArtifactsPath, name + ".png"), FullPage = true });

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}

/// <summary>The screen sizes the site is tested at.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsMobile)
{
    public static Viewport Phone { get; } = new("phone", 390, 844, true);

    public static Viewport Desktop { get; } = new("desktop", 1280, 900, false);

    public static Viewport Named(string name) => name == Phone.Name ? Phone : Desktop;

    public override string ToString() => Name;
}

/// <summary>Every browser test shares one site and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserSite>
{
    public const string Name = "Browser";
}
