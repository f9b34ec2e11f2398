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
    static bool HasRequiredScope(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindAll("scp").Concat(user.FindAll(ClaimConstants.Scope))
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(AuthSettings.RequiredScope, StringComparer.Ordinal);
}
