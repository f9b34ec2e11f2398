using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OutlookCrm.Service.Auth;

/// <summary>
/// Signs Entra-shaped access tokens with a key that lives only in this process, for local runs and
/// tests. Only registered when Auth:Mode is Development, which Production refuses to start with.
/// </summary>
public sealed class DevelopmentTokenIssuer : IDisposable
{
    public const string Issuer = "https://outlookcrm.invalid/development";
    public const string Audience = "api://outlookcrm-development";
    static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    readonly RSA rsa = RSA.Create(2048);
    readonly TimeProvider clock;

    public DevelopmentTokenIssuer(TimeProvider clock)
    {
        this.clock = clock;
        SigningKey = new RsaSecurityKey(rsa) { KeyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) };
    }

    public RsaSecurityKey SigningKey { get; }

    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid tenantId, Guid userId, string? name, string? email, IReadOnlyList<string> roles)
    {
        var now = clock.GetUtcNow();
        var expires = now + Lifetime;
        var claims = new Dictionary<string, object>
        {
            ["tid"] = tenantId.ToString(),
            ["oid"] = userId.ToString(),
            ["scp"] = AuthSettings.RequiredScope,
            ["ver"] = "2.0",
        };
        if (!string.IsNullOrWhiteSpace(name)) claims["name"] = name;
        if (!string.IsNullOrWhiteSpace(email)) claims["preferred_username"] = email;
        if (roles.Count > 0) claims["roles"] = roles.ToArray();

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });
        return (token, expires);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = SigningKey,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromMinutes(2),
    };

    public void Dispose() => rsa.Dispose();
}
