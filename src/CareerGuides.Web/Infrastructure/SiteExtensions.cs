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
        builder.Services.AddSingleton<ContentStore>();
        builder.Services.AddHostedService<ContentWatcher>();

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

        // Write £, – and other non-ASCII text as UTF-8 characters rather than numeric entities: smaller, readable pages.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        builder.AddSeo();
        builder.AddSecurity();
        return builder;
    }

    public static WebApplication UseSite(this WebApplication app)
    {
        // Load the content before the first request, so start-up logs say what was published.
        app.Services.GetRequiredService<ContentStore>();
        app.UseSecurity();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseRequestLocalization("en-GB");
        app.UseSerilogRequestLogging();
        app.UseSeo();
        app.UseGuideRedirects();
        app.UseRouting();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthResponses.WriteJsonAsync,
        });
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}

