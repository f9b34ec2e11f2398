using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Identity.Web;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Security;

public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    /// <summary>A pane makes a handful of calls per message; this leaves room for bursts and scripts.</summary>
    public int UserPermitsPerMinute { get; set; } = 600;
    public int TenantPermitsPerMinute { get; set; } = 6000;
    /// <summary>
    /// Calls without a valid token, per client IP: refusals, development sign-in, public intake forms.
    /// Behind a proxy set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so each client has its own IP.
    /// </summary>
    public int AnonymousPermitsPerMinute { get; set; } = 300;
}

/// <summary>
/// Per-user and per-tenant token buckets (both must allow the call), per-IP for anonymous calls;
/// a refusal is a 429 problem with Retry-After.
/// </summary>
public static class RateLimits
{
    public static void AddOutlookCrmRateLimits(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings();
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, PartitionKey>(http =>
                {
                    var user = http.User.GetObjectId();
                    return user is null
                        ? Bucket(new PartitionKey(PartitionKind.Ip, http.Connection.RemoteIpAddress?.ToString(), null), settings.AnonymousPermitsPerMinute)
                        : Bucket(new PartitionKey(PartitionKind.User, http.User.GetTenantId(), user), settings.UserPermitsPerMinute);
                }),
                PartitionedRateLimiter.Create<HttpContext, PartitionKey>(http =>
                    http.User.GetTenantId() is { } tenant
                        ? Bucket(new PartitionKey(PartitionKind.Tenant, tenant, null), settings.TenantPermitsPerMinute)
                        : RateLimitPartition.GetNoLimiter(new PartitionKey(PartitionKind.Anonymous, null, null))));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = ProblemExceptionHandler.ToDetails(new ApiProblem(429, ProblemCodes.TooManyRequests, "Too many requests.", "Wait a moment and try again.")),
                });
            };
        });
    }

    enum PartitionKind { Ip, User, Tenant, Anonymous }

    /// <summary>A bucket's key as a value, not a formatted string: every API call computes two of them.</summary>
    readonly record struct PartitionKey(PartitionKind Kind, string? Scope, string? Id);

    static RateLimitPartition<PartitionKey> Bucket(PartitionKey key, int permitsPerMinute) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, permitsPerMinute / 6),
            TokensPerPeriod = Math.Max(1, permitsPerMinute / 60),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
