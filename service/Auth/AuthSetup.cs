using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;

namespace OutlookCrm.Service.Auth;

public static class AuthSetup
{
    public const string ApiPolicy = "ApiUser";

    /// <summary>
    /// One JWT bearer path for both modes: Entra tokens through Microsoft.Identity.Web (multi-tenant,
    /// issuer checked per tenant), or development tokens signed by a key of this process.
    /// </summary>
    public static AuthSettings AddOutlookCrmAuth(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        builder.Services.AddSingleton(settings);

        if (settings.Mode == AuthMode.Development)
        {
            builder.Services.AddSingleton<DevelopmentTokenIssuer>();
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
            builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
                .Configure<DevelopmentTokenIssuer>((options, issuer) =>
                {
                    options.MapInboundClaims = false;
                    options.TokenValidationParameters = issuer.ValidationParameters();
                });
        }
        else
        {
            // On-behalf-of tokens for Graph, cached per user and tenant in memory.
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"))
                .EnableTokenAcquisitionToCallDownstreamApi()
                .AddInMemoryTokenCaches();
            builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters.ValidAlgorithms = ["RS256"];
            });
        }

        builder.Services.AddSingleton<ValidatedTokenCache>();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<ValidatedTokenCache>((options, cache) => cache.Attach(options));

        builder.Services.AddAuthorizationBuilder().AddPolicy(ApiPolicy, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => HasRequiredScope(context.User)));
        builder.Services.AddScoped<CurrentUser>();
        return settings;
    }

    /// <summary>Delegated tokens for this API carry access_as_user in scp; app-only tokens carry none.</summary>
    /// <remarks>Runs on every API call: a walk over the claims, without LINQ or splitting strings.</remarks>
    internal static bool HasRequiredScope(System.Security.Claims.ClaimsPrincipal user)
    {
        foreach (var claim in user.Claims)
        {
            if (claim.Type is not ("scp" or ClaimConstants.Scope)) continue;
            foreach (var range in claim.Value.AsSpan().Split(' '))
                if (claim.Value.AsSpan()[range].SequenceEqual(AuthSettings.RequiredScope)) return true;
        }
        return false;
    }
}
