using CareerGuides.Content.Loading;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareerGuides.Web.Content;

/// <summary>Ready once content has loaded; degraded while any content file has errors.</summary>
public sealed class ContentHealthCheck(ContentStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = store.Current;
        var data = new Dictionary<string, object>
        {
            ["version"] = snapshot.Version,
            ["guides"] = snapshot.Guides.Length,
            ["roles"] = snapshot.Roles.Length,
            ["errors"] = snapshot.ErrorCount,
            ["filesWithErrors"] = snapshot.Diagnostics.Where(d => d.IsError).Select(d => d.Path).Distinct().ToArray(),
        };
        var result = ReferenceEquals(snapshot, ContentSnapshot.Empty)
            ? HealthCheckResult.Unhealthy("Content has not loaded.", data: data)
            : snapshot.HasErrors
                ? HealthCheckResult.Degraded($"{snapshot.ErrorCount} content errors; the files with errors are not served (or serve their last good version).", data: data)
                : HealthCheckResult.Healthy("Content loaded without errors.", data: data);
        return Task.FromResult(result);
    }
}
