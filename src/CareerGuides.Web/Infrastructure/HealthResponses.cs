using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareerGuides.Web.Infrastructure;

/// <summary>Health reports as JSON, so operators and probes can see why a check is degraded.</summary>
public static class HealthResponses
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Options));
    }
}
