using System.ComponentModel.DataAnnotations;
namespace OutlookCrm.Service.Auth;

public sealed record AuthConfigResponse([property: AllowedValues("development", "entra")] string Mode, string? ClientId, string? Scope);

public static class AuthConfigEndpoints
{
    /// <summary>Anonymous: tells the pane how to get a token (development issuer or nested app authentication).</summary>
    public static void MapAuthConfig(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/auth/config", (AuthSettings settings, IConfiguration configuration, HttpContext http) =>
            {
                // The same for everyone and every pane load: cacheable, and not counted against the caller's rate limit.
                http.Response.Headers.CacheControl = "public, max-age=3600";
                return For(settings, configuration);
            })
            .AllowAnonymous().DisableRateLimiting().WithTags("Auth").WithName("AuthConfig");

    /// <summary>Also written into the pane's page (a meta element), which saves the pane a round trip before sign-in.</summary>
    public static AuthConfigResponse For(AuthSettings settings, IConfiguration configuration)
    {
        if (settings.Mode == AuthMode.Development) return new AuthConfigResponse("development", null, null);
        var clientId = configuration["AzureAd:ClientId"];
        return new AuthConfigResponse("entra", clientId, $"api://{configuration["AzureAd:ApplicationIdHost"] ?? clientId}/{AuthSettings.RequiredScope}");
    }
}
