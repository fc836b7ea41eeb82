using CareerGuides.Web.Content;
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
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        builder.AddSeo();
        return builder;
    }

    public static WebApplication UseSite(this WebApplication app)
    {
        // Load the content before the first request, so start-up logs say what was published.
        app.Services.GetRequiredService<ContentStore>();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseRequestLocalization("en-GB");
        app.UseSerilogRequestLogging();
        app.UseSeo();
        app.UseRouting();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
