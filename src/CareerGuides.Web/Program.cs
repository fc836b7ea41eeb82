using CareerGuides.Web.Infrastructure;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();

try
{
    if (CareerGuides.Web.Export.ExportCommand.IsExport(args))
    {
        return await CareerGuides.Web.Export.ExportCommand.RunAsync(args, Console.Out);
    }

    if (CareerGuides.Web.Content.PrimeCacheCommand.IsPrimeCache(args))
    {
        return await CareerGuides.Web.Content.PrimeCacheCommand.RunAsync(args, Console.Out);
    }

    var builder = WebApplication.CreateBuilder(args);
    builder.AddSiteLogging().AddContent().AddSiteServices();

    var app = builder.Build();
    app.UseSite();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    Log.Fatal(e, "The site failed to start");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
