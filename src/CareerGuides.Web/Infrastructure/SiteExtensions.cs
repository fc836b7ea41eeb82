using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CareerGuides.Web.Content;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace CareerGuides.Web.Infrastructure;

/// <summary>The site's service registrations and request pipeline, so Program.cs stays short.</summary>
public static class SiteExtensions
{
    /// <summary>Serilog from configuration, with the request logging middleware's enrichment.</summary>
    public static WebApplicationBuilder AddSiteLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }

    /// <summary>The content store, loaded once at start-up.</summary>
    public static WebApplicationBuilder AddContent(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ContentChanges>();
        builder.Services.AddSingleton<ContentStore>();
        builder.Services.AddHostedService<ContentWatcher>();
        builder.Services.AddSingleton<DeferredStartUpWork>();

        // One snapshot per request: everything a request renders comes from the same version of the content.
        builder.Services.AddScoped(services => services.GetRequiredService<ContentStore>().Current);
        builder.Services.AddHealthChecks()
            .AddCheck<ContentHealthCheck>("content", tags: ["ready"]);
        return builder;
    }

    public static WebApplicationBuilder AddSiteServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.HasValidPracticeTemplate(), "Site:InterviewPracticeUrlTemplate must be an absolute http(s) address containing {role}.")
            .ValidateOnStart();
        builder.Services.AddRazorPages();
        builder.UseStaticAssetsFromBuildOutput();

        // Write £, – and other non-ASCII text as UTF-8 characters rather than numeric entities: smaller, readable pages.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        builder.AddSeo();
        builder.AddPagePerformance();
        builder.AddSocketScheduling();
        builder.AddSecurity();
        return builder;
    }

    /// <summary>
    /// The builder of one of the site's commands (export, prime-cache): the site's own configuration sources, with
    /// <paramref name="configurationArgs"/> as its command line and the content watcher off, plus <paramref name="settings"/>.
    /// </summary>
    public static WebApplicationBuilder CreateCommandBuilder(string[] configurationArgs, IReadOnlyDictionary<string, string?>? settings = null)
    {
        // The application name finds the Razor pages and the static assets' manifest whichever process hosts the command.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = configurationArgs,
            ApplicationName = typeof(SiteExtensions).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Content:Watch"] = "false" });
        return builder;
    }

    public static WebApplication UseSite(this WebApplication app)
    {
        // The site speaks British English only: dates and money are formatted en-GB for every request.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-GB");

        // Load the content before the first request, so start-up logs say what was published, and build what every
        // page needs from it (the SEO data), so that the first request does not.
        _ = app.Services.GetRequiredService<ContentStore>();
        _ = app.Services.GetRequiredService<Seo.SeoCatalog>().Current;

        // Indexing for search and the start-up collection wait for the first answer (or a second without one) and a
        // quiet moment after it.
        app.Use(app.Services.GetRequiredService<DeferredStartUpWork>().WatchStartUpRequests);
        app.UseSecurity();
        app.UsePageFastPath();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseSeo();
        app.UsePageCache();
        app.UseSerilogRequestLogging(options =>
        {
            // Pages answered from the cache are not logged at all, and other successful requests are logged at Debug:
            // at tens of thousands of requests a second a console line each would cost more than the page.
            // Client errors and failures stay visible.
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
                : context.Response.StatusCode >= 400 ? Serilog.Events.LogEventLevel.Information
                : Serilog.Events.LogEventLevel.Debug;
        });
        app.UseGuideRedirects();
        app.UsePageCompression();
        app.UseRouting();

        // Where they belong, after routing. Left out, the host would add them at the very front of the pipeline,
        // where every cached page paid for them although no page needs a user.
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthResponses.WriteJsonAsync,
        });
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();

        var sockets = app.Services.GetRequiredService<SocketSchedulingChoice>();
        app.Logger.SocketWorkScheduled(sockets.Inline ? "inline, on the I/O threads" : "on the thread pool", Environment.ProcessorCount, sockets.Mode);
        return app;
    }
}

internal static partial class StartUpLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Socket work runs {Where} ({Processors} processors, " + Infrastructure.SocketScheduling.Setting + " {Mode})")]
    public static partial void SocketWorkScheduled(this Microsoft.Extensions.Logging.ILogger logger, string where, int processors, InlineSocketScheduling mode);
}
