using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace OutlookCrm.Service.Mailbox;

/// <summary>
/// How every read from Microsoft Graph is retried (the history's searches, an email's attachments):
/// 429 and 503 after Graph's own Retry-After, with jittered backoff. Reads only: a send is not
/// idempotent and has its own policy.
/// </summary>
static class GraphReadRetry
{
    public static HttpRetryStrategyOptions Options() => new()
    {
        MaxRetryAttempts = 3,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = TimeSpan.FromMilliseconds(200),
        ShouldRetryAfterHeader = true,
    };
}
