using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OutlookCrm.Service.Tests.Auth.Entra;

/// <summary>
/// Mints Microsoft Entra v2.0-shaped tokens signed by a test RSA key that <see cref="FakeEntraServer"/>
/// publishes, and hand-crafts the malformed or forged ones the library would refuse to produce.
/// </summary>
public sealed class EntraTokens : IDisposable
{
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    public static readonly Guid PersonalAccountsTenant = Guid.Parse("9188040d-6c67-4c5b-b112-36a304b66dad");

    readonly RSA rsa = RSA.Create(2048);
    readonly RSA otherRsa = RSA.Create(2048);
    readonly FakeEntraServer entra;
    readonly string clientId;

    public EntraTokens(FakeEntraServer entra, string clientId)
    {
        this.entra = entra;
        this.clientId = clientId;
        SigningKey = new RsaSecurityKey(rsa) { KeyId = "test-key-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)) };
        entra.PublishedKeys.Add(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = SigningKey.KeyId });
    }

    /// <summary>The published signing key (private part stays here).</summary>
    public RsaSecurityKey SigningKey { get; }

    /// <summary>The public-key claims of a delegated v2.0 access token for this API, as Entra issues it.</summary>
    public Dictionary<string, object> AccessTokenClaims(Guid tenantId, Guid userId, string name = "Entra User", string email = "user@contoso.example") => new()
    {
        ["iss"] = entra.IssuerOf(tenantId),
        ["aud"] = clientId,
        ["tid"] = tenantId.ToString(),
        ["oid"] = userId.ToString(),
        ["sub"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)),
        ["scp"] = "access_as_user",
        ["ver"] = "2.0",
        ["azp"] = "ea5a67f6-b6f3-4338-b240-c655ddc3cc8e", // a client app (e.g. the Office host)
        ["azpacr"] = "0",
        ["name"] = name,
        ["preferred_username"] = email,
        ["uti"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
        ["rh"] = "0.fake.",
    };

    /// <summary>A good token: RS256 by the published key, valid from a minute ago for an hour.</summary>
    public string AccessToken(Guid tenantId, Guid userId, string name = "Entra User", string email = "user@contoso.example") =>
        Sign(AccessTokenClaims(tenantId, userId, name, email));

    /// <summary>Signs the claims with RS256 (or the given credentials); times relative to now.</summary>
    public string Sign(Dictionary<string, object> claims, TimeSpan? notBefore = null, TimeSpan? expires = null, SigningCredentials? credentials = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            Subject = new ClaimsIdentity(),
            IssuedAt = now + (notBefore ?? TimeSpan.FromMinutes(-1)),
            NotBefore = now + (notBefore ?? TimeSpan.FromMinutes(-1)),
            Expires = now + (expires ?? TimeSpan.FromHours(1)),
            SigningCredentials = credentials ?? new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>Unsigned: header {"alg":"none","typ":"JWT"}, the payload, and an empty signature.</summary>
    public string Unsigned(Dictionary<string, object> claims)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = new Dictionary<string, object>(claims)
        {
            ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
        return Segment("""{"alg":"none","typ":"JWT"}""") + "." + Segment(JsonSerializer.Serialize(payload)) + ".";
    }

    /// <summary>
    /// The key-confusion forgery: HS256 whose HMAC secret is the published RSA public key (as PEM text,
    /// or as DER), with the real kid in the header so a naive validator would pick that key.
    /// </summary>
    public string HmacWithPublicKey(Dictionary<string, object> claims, bool pem)
    {
        var secret = pem ? Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem()) : rsa.ExportSubjectPublicKeyInfo();
        var key = new SymmetricSecurityKey(secret) { KeyId = SigningKey.KeyId };
        return Sign(claims, credentials: new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
    }

    /// <summary>RS256 by a key that is not published, under a kid that is not in the JWKS.</summary>
    public string SignedByUnknownKey(Dictionary<string, object> claims) =>
        Sign(claims, credentials: new SigningCredentials(new RsaSecurityKey(otherRsa) { KeyId = "unknown-" + Guid.NewGuid().ToString("N") }, SecurityAlgorithms.RsaSha256));

    /// <summary>RS256 by a key that is not published, claiming the published kid (a forged signature).</summary>
    public string SignedByImpostorKey(Dictionary<string, object> claims) =>
        Sign(claims, credentials: new SigningCredentials(new RsaSecurityKey(otherRsa) { KeyId = SigningKey.KeyId }, SecurityAlgorithms.RsaSha256));

    static string Segment(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    public void Dispose()
    {
        rsa.Dispose();
        otherRsa.Dispose();
    }
}
