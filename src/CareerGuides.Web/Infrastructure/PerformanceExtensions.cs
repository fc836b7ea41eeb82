using System.IO.Compression;
using CareerGuides.Content.Loading;
using CareerGuides.Web.Content;
using CareerGuides.Web.Seo;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace CareerGuides.Web.Infrastructure;

/// <summary>
/// Serving pages fast: ASP.NET Core's output cache keeps each rendered, compressed page per content version near the
/// front of the pipeline, so a cached page skips everything but the essentials; response compression sends Brotli
/// or gzip. Static assets are fingerprinted, precompressed at build time and cached for a year by MapStaticAssets.
/// </summary>
public static class PerformanceExtensions
{
    public const string ContentTag = "content";

    public static WebApplicationBuilder AddPagePerformance(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "application/ld+json"];
        });

        // Pages are compressed once, when they are cached, so the slower, smaller settings pay for themselves.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);

        builder.Services.AddOutputCache(options =>
        {
            // "/Guides/X" must reach the canonical-address middleware (a 301), not the cached "/guides/x".
            options.UseCaseSensitivePaths = true;
            options.AddBasePolicy(new PageCachePolicy());
        });
        builder.Services.AddHostedService<OutputCacheEviction>();

        // Published pages' final answers, served ahead of the pipeline (PageFastPath says why and what keeps it exact).
        var budget = builder.Configuration.GetValue(FastPathBudgetSetting, DefaultFastPathBudgetMegabytes);
        builder.Services.AddSingleton(services => new PageFastPath(
            services.GetRequiredService<ContentStore>(), services.GetRequiredService<TimeProvider>(), (long)(budget * 1024 * 1024)));
        return builder;
    }

    /// <summary>Megabytes of page bodies the fast path may keep per content version (0 turns it off).</summary>
    public const string FastPathBudgetSetting = "Performance:FastPathMegabytes";

    /// <summary>About 2,700 compressed guide pages, or 750 uncompressed ones.</summary>
    public const double DefaultFastPathBudgetMegabytes = 32;

    /// <summary>
    /// The fast path for published pages: after the security filters and the rate limiter (so it is limited and
    /// filtered like everything else), before everything else.
    /// </summary>
    public static WebApplication UsePageFastPath(this WebApplication app)
    {
        var fastPath = app.Services.GetRequiredService<PageFastPath>();
        app.Use(fastPath.InvokeAsync);
        return app;
    }

    /// <summary>The output cache, placed early: a hit is answered (304 included) before logging, routing and rendering.</summary>
    public static WebApplication UsePageCache(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }

    /// <summary>Compression inside the cache: what the cache keeps is already compressed.</summary>
    public static WebApplication UsePageCompression(this WebApplication app)
    {
        app.UseResponseCompression();
        return app;
    }

    /// <summary>
    /// Caches GET and HEAD answers of published pages and files (those the SEO catalog knows) and of search, per
    /// content version (the request's own snapshot, so what is stored is what that version renders) and per
    /// Accept-Encoding. Never health checks, errors, redirects or anything that sets a cookie.
    /// </summary>
    private sealed class PageCachePolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            var cacheable = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            if (cacheable)
            {
                context.CacheVaryByRules.QueryKeys = "q";
                context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
                context.CacheVaryByRules.VaryByValues["content"] = context.HttpContext.RequestServices.GetRequiredService<ContentSnapshot>().Version;
                context.ResponseExpirationTimeSpan = TimeSpan.FromHours(1);
                context.Tags.Add(ContentTag);
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var known = http.Features.Get<SeoFeature>() is not null || http.Request.Path.Equals("/search", StringComparison.Ordinal);
            if (!known || http.Response.StatusCode != StatusCodes.Status200OK || http.Response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Drops cached pages of older content versions when content reloads (they could never be served again).</summary>
    private sealed class OutputCacheEviction(ContentStore store, IOutputCacheStore cache) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            store.Reloaded += OnReloaded;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            store.Reloaded -= OnReloaded;
            return Task.CompletedTask;
        }

        private void OnReloaded(object? sender, ContentSnapshot snapshot) =>
            _ = cache.EvictByTagAsync(ContentTag, CancellationToken.None).AsTask();
    }
}
