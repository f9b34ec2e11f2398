using Microsoft.Extensions.Diagnostics.HealthChecks;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Health;

public static class HealthEndpoints
{
    const string ReadyTag = "ready";

    public static void AddOutlookCrmHealth(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);

    /// <summary>live: the process answers. ready: it can reach its database.</summary>
    public static void MapOutlookCrmHealth(this IEndpointRouteBuilder app)
    {
        // Probes come often and from one address: never rate limited.
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous().DisableRateLimiting();
    }

    sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
    }
}
