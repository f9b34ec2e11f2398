using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace OutlookCrm.Service.Tests.Auth.Entra;

/// <summary>
/// A local stand-in for the Microsoft identity platform's OpenID Connect metadata on 127.0.0.1, over
/// HTTPS with a certificate made in this process (Microsoft.Identity.Web's issuer validator fetches
/// metadata with an HTTPS-only retriever). Serves, for any tenant segment, the v2.0 discovery
/// document (issuer template with {tenantid} for common/organizations, like Entra) and the JWKS with
/// the signing key, which carries an issuer like Entra's keys. Every request is recorded, and
/// anything else is answered 404 so an unexpected fetch shows up in <see cref="Requests"/>.
/// </summary>
public sealed class FakeEntraServer : IAsyncDisposable
{
    readonly WebApplication app;
    readonly X509Certificate2 certificate;

    public string BaseUrl { get; }

    /// <summary>Every request as "METHOD path?query", in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The keys published in the JWKS (the signing key's public part, with its kid).</summary>
    public List<RsaSecurityKey> PublishedKeys { get; } = [];

    FakeEntraServer(WebApplication app, X509Certificate2 certificate, string baseUrl)
    {
        this.app = app;
        this.certificate = certificate;
        BaseUrl = baseUrl;
    }

    public static async Task<FakeEntraServer> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeEntraServer? server = null;
        app.Run(http => server!.ServeAsync(http));
        await app.StartAsync();
        server = new FakeEntraServer(app, certificate, app.Urls.Single().TrimEnd('/'));
        return server;
    }

    /// <summary>The issuer Entra puts in v2.0 tokens of a tenant: {instance}/{tenant id}/v2.0.</summary>
    public string IssuerOf(Guid tenantId) => IssuerTemplate.Replace("{tenantid}", tenantId.ToString());

    public string IssuerTemplate => $"{BaseUrl}/{{tenantid}}/v2.0";

    /// <summary>An HTTP handler that trusts exactly this server's certificate (and the usual chain).</summary>
    public HttpMessageHandler CreateTrustingHandler() => new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                errors == SslPolicyErrors.None
                || (presented is not null && presented.GetCertHashString() == certificate.GetCertHashString()),
        },
    };

    async Task ServeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        Requests.Enqueue($"{http.Request.Method} {path}{http.Request.QueryString}");
        var segments = path.Trim('/').Split('/');
        JsonNode? body = segments switch
        {
            [var tenant, "v2.0", ".well-known", "openid-configuration"] => Discovery(tenant),
            [var tenant, "discovery", "v2.0", "keys"] => Keys(tenant),
            // v1.0 endpoint: the AAD issuer validator fetches it for tokens whose issuer is not a v2.0 one.
            [var tenant, ".well-known", "openid-configuration"] => DiscoveryV1(tenant),
            [var tenant, "discovery", "keys"] => Keys(tenant),
            _ => null,
        };
        if (body is null)
        {
            http.Response.StatusCode = 404;
            return;
        }
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString());
    }

    static bool IsMultiTenant(string tenant) => tenant is "common" or "organizations" or "consumers";

    string IssuerFor(string tenant) => IsMultiTenant(tenant) ? IssuerTemplate : $"{BaseUrl}/{tenant}/v2.0";

    JsonObject Discovery(string tenant) => new()
    {
        ["token_endpoint"] = $"{BaseUrl}/{tenant}/oauth2/v2.0/token",
        ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt", "client_secret_basic"),
        ["jwks_uri"] = $"{BaseUrl}/{tenant}/discovery/v2.0/keys",
        ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
        ["subject_types_supported"] = new JsonArray("pairwise"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
        ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
        ["issuer"] = IssuerFor(tenant),
        ["request_uri_parameter_supported"] = false,
        ["userinfo_endpoint"] = $"{BaseUrl}/oidc/userinfo",
        ["authorization_endpoint"] = $"{BaseUrl}/{tenant}/oauth2/v2.0/authorize",
        ["device_authorization_endpoint"] = $"{BaseUrl}/{tenant}/oauth2/v2.0/devicecode",
        ["http_logout_supported"] = true,
        ["frontchannel_logout_supported"] = true,
        ["end_session_endpoint"] = $"{BaseUrl}/{tenant}/oauth2/v2.0/logout",
        ["claims_supported"] = new JsonArray("sub", "iss", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"),
        ["tenant_region_scope"] = null,
        ["cloud_instance_name"] = "127.0.0.1",
        ["cloud_graph_host_name"] = "127.0.0.1",
        ["msgraph_host"] = "127.0.0.1",
    };

    /// <summary>Like Entra's v1.0 document: issuer https://sts.windows.net/{tenantid}/ (tenanted unless common/organizations).</summary>
    JsonObject DiscoveryV1(string tenant)
    {
        var document = Discovery(tenant);
        document["issuer"] = IsMultiTenant(tenant) ? V1IssuerTemplate : $"https://sts.windows.net/{tenant}/";
        document["jwks_uri"] = $"{BaseUrl}/{tenant}/discovery/keys";
        document["token_endpoint"] = $"{BaseUrl}/{tenant}/oauth2/token";
        document["authorization_endpoint"] = $"{BaseUrl}/{tenant}/oauth2/authorize";
        return document;
    }

    public const string V1IssuerTemplate = "https://sts.windows.net/{tenantid}/";

    JsonObject Keys(string tenant)
    {
        var keys = new JsonArray();
        foreach (var key in PublishedKeys)
        {
            var parameters = key.Rsa?.ExportParameters(includePrivateParameters: false) ?? key.Parameters;
            keys.Add(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["issuer"] = IssuerFor(tenant),
            });
        }
        return new JsonObject { ["keys"] = keys };
    }

    static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=fake-entra.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Re-import so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        certificate.Dispose();
    }
}
