using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OutlookCrm.Service.Auth;

/// <summary>
/// Remembers tokens that passed full validation until they expire, so the pane's repeated calls
/// skip the RS256 signature check (the hot path of every lookup). Keyed by the token's SHA-256:
/// only the exact same token string is ever trusted again, and never past its own exp.
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider clock) : IDisposable
{
    const int MaxEntries = 10_000;
    readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public bool TryGet(string token, out ClaimsPrincipal principal)
    {
        if (cache.TryGetValue(KeyOf(token), out Entry? entry) && entry!.ExpiresAt > clock.GetUtcNow())
        {
            principal = entry.Principal;
            return true;
        }
        principal = null!;
        return false;
    }

    public void Remember(string token, ClaimsPrincipal principal, DateTimeOffset expiresAt)
    {
        if (expiresAt <= clock.GetUtcNow()) return;
        cache.Set(KeyOf(token), new Entry(principal, expiresAt), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = expiresAt - clock.GetUtcNow() });
    }

    /// <summary>Wraps whatever events the bearer handler already has (Microsoft.Identity.Web adds its own).</summary>
    public void Attach(JwtBearerOptions options)
    {
        options.Events ??= new JwtBearerEvents();
        var received = options.Events.OnMessageReceived;
        var validated = options.Events.OnTokenValidated;
        options.Events.OnMessageReceived = async context =>
        {
            await received(context);
            if (context.Result is not null) return;
            var token = context.Token ?? BearerTokenOf(context.Request);
            if (token is null || !TryGet(token, out var principal)) return;

            // The signature check is what the cache saves; the token-validated handlers still run for
            // every request, since Microsoft.Identity.Web keeps the token there for on-behalf-of calls.
            var replay = new TokenValidatedContext(context.HttpContext, context.Scheme, context.Options)
            {
                Principal = principal,
                SecurityToken = new JsonWebToken(token),
            };
            await validated(replay);
            if (replay.Result is { Succeeded: false } refused)
            {
                context.Fail(refused.Failure ?? new SecurityTokenValidationException("The token was refused."));
                return;
            }
            context.Principal = replay.Principal ?? principal;
            context.Success();
        };
        options.Events.OnTokenValidated = async context =>
        {
            await validated(context);
            if (context.Result is { Succeeded: false } || context.Principal is null) return;
            if (context.SecurityToken is JsonWebToken jwt)
                Remember(jwt.EncodedToken, context.Principal, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        };
    }

    static string? BearerTokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    static string KeyOf(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public void Dispose() => cache.Dispose();

    sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset ExpiresAt);
}
