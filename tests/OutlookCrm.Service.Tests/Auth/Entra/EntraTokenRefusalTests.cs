using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutlookCrm.Service.Tests.Support;
using Xunit.Abstractions;

namespace OutlookCrm.Service.Tests.Auth.Entra;

/// <summary>
/// Real-format Entra v2.0 tokens, validated by Microsoft.Identity.Web against the fake metadata
/// endpoint: a good token works; every forged, misdirected, stale or not-allowed token is refused
/// with 401 or 403 and without any client data, on the first attempt and again on the second
/// (the validated-token cache must not turn a refusal into a pass).
/// </summary>
public class EntraTokenRefusalTests(EntraServiceFactory factory, ITestOutputHelper output) : IClassFixture<EntraServiceFactory>
{
    EntraTokens Tokens => factory.Tokens;

    /// <summary>A tenant with one client in it, created with a good token; refused calls must not reveal it.</summary>
    sealed record Seeded(Guid TenantId, Guid UserId, Guid ClientId, string[] Secrets);

    async Task<Seeded> SeedAsync()
    {
        var tenantId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        var marker = "Zq" + Guid.NewGuid().ToString("N")[..10];
        var email = $"{marker.ToLowerInvariant()}@client.example";
        var http = factory.ClientWith(Tokens.AccessToken(tenantId, userId));
        var created = await Json.ReadAsync(await http.PostAsJsonAsync("/api/clients", new { firstName = "Secret", lastName = marker, email }), 201);
        var clientId = created.Id();
        return new Seeded(tenantId, userId, clientId, [marker, email, clientId.ToString()]);
    }

    /// <summary>
    /// Sends the token twice to /api/me, the client list and the seeded client, asserting the status,
    /// that the body is empty or a problem document, and that no seeded data appears.
    /// </summary>
    async Task AssertRefusedAsync(string token, HttpStatusCode expected, Seeded seeded)
    {
        var http = factory.ClientWith(token);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            foreach (var url in new[] { "/api/me", "/api/clients", $"/api/clients/{seeded.ClientId}", $"/api/clients?search={seeded.Secrets[0]}" })
            {
                var response = await http.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == expected, $"attempt {attempt} GET {url}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
                foreach (var secret in seeded.Secrets)
                    Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
                if (body.Length > 0)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    var problem = JsonNode.Parse(body)!.AsObject();
                    Assert.Equal((int)expected, problem["status"]?.GetValue<int>());
                    Assert.DoesNotContain(problem, p => p.Key is "items" or "clients" or "workspace" or "user");
                }
                if (expected == HttpStatusCode.Unauthorized)
                    Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
            }
        }
    }

    async Task<JsonObject> MeAsync(string token) => await Json.ReadAsync(await factory.ClientWith(token).GetAsync("/api/me"), 200);

    [Fact]
    public async Task A_good_access_token_reads_the_callers_own_tenant_and_user()
    {
        var tenantId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        var token = Tokens.AccessToken(tenantId, userId, "Maria Lopes", "maria@contoso.example");

        for (var attempt = 1; attempt <= 2; attempt++) // the second one is served from the validated-token cache
        {
            var me = await MeAsync(token);
            Assert.Equal(tenantId, me["workspace"]!.AsObject().Id("tenantId"));
            Assert.Equal(userId, me["user"]!.AsObject().Id());
            Assert.Equal("Maria Lopes", me["user"].Str("name"));
            Assert.Equal("maria@contoso.example", me["user"].Str("email"));
        }

        var seeded = await SeedAsync();
        var list = await Json.ReadAsync(await factory.ClientWith(Tokens.AccessToken(seeded.TenantId, Guid.NewGuid())).GetAsync("/api/clients"), 200);
        Assert.Contains(seeded.Secrets[0], list.ToJsonString());
        // What Microsoft.Identity.Web and JwtBearer fetched: the organizations v2.0 metadata and keys (once by the
        // bearer handler's configuration manager, once by the AAD issuer validator), and the v1.0 ones only
        // when a token's issuer is not a v2.0 one. No instance discovery, and nothing the fake does not serve.
        output.WriteLine("Requests to the fake Entra:\n" + string.Join("\n", factory.Entra.Requests));
        Assert.Contains("GET /organizations/v2.0/.well-known/openid-configuration", factory.Entra.Requests);
        Assert.Contains("GET /organizations/discovery/v2.0/keys", factory.Entra.Requests);
        Assert.All(factory.Entra.Requests, request => Assert.Contains(request, new[]
        {
            "GET /organizations/v2.0/.well-known/openid-configuration", "GET /organizations/discovery/v2.0/keys",
            "GET /common/.well-known/openid-configuration", "GET /common/discovery/keys",
        }));
    }

    [Fact]
    public async Task Alg_none_is_refused()
    {
        var seeded = await SeedAsync();
        await AssertRefusedAsync(Tokens.Unsigned(Tokens.AccessTokenClaims(seeded.TenantId, seeded.UserId)), HttpStatusCode.Unauthorized, seeded);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Hs256_signed_with_the_rsa_public_key_is_refused(bool pem)
    {
        var seeded = await SeedAsync();
        await AssertRefusedAsync(Tokens.HmacWithPublicKey(Tokens.AccessTokenClaims(seeded.TenantId, seeded.UserId), pem), HttpStatusCode.Unauthorized, seeded);
    }

    [Fact]
    public async Task An_unknown_key_id_is_refused()
    {
        var seeded = await SeedAsync();
        await AssertRefusedAsync(Tokens.SignedByUnknownKey(Tokens.AccessTokenClaims(seeded.TenantId, seeded.UserId)), HttpStatusCode.Unauthorized, seeded);
    }

    [Fact]
    public async Task A_signature_by_another_key_under_the_published_key_id_is_refused()
    {
        var seeded = await SeedAsync();
        await AssertRefusedAsync(Tokens.SignedByImpostorKey(Tokens.AccessTokenClaims(seeded.TenantId, seeded.UserId)), HttpStatusCode.Unauthorized, seeded);
    }

    [Fact]
    public async Task A_tampered_payload_is_refused()
    {
        var seeded = await SeedAsync();
        var good = Tokens.AccessToken(Guid.NewGuid(), seeded.UserId).Split('.');
        var payload = Tokens.Unsigned(Tokens.AccessTokenClaims(seeded.TenantId, seeded.UserId)).Split('.')[1];
        await AssertRefusedAsync($"{good[0]}.{payload}.{good[2]}", HttpStatusCode.Unauthorized, seeded);
    }

    [Theory]
    [InlineData(EntraTokens.GraphAppId)]
    [InlineData("https://graph.microsoft.com")]
    [InlineData("api://" + EntraServiceFactory.ClientId + "-other")]
    [InlineData("6a1b2c3d-0000-4000-8000-000000000001")]
    public async Task A_token_for_another_audience_is_refused(string audience)
    {
        var seeded = await SeedAsync();
        var claims = Tokens.AccessTokenClaims(seeded.TenantId, seeded.UserId);
        claims["aud"] = audience;
        claims["scp"] = "User.Read Mail.Read access_as_user";
        await AssertRefusedAsync(Tokens.Sign(claims), HttpStatusCode.Unauthorized, seeded);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var seeded = await SeedAsync();
        var token = Tokens.Sign(Tokens.AccessTokenClaims(seeded.TenantId, seeded.UserId), notBefore: TimeSpan.FromMinutes(-70), expires: TimeSpan.FromMinutes(-10));
        await AssertRefusedAsync(token, HttpStatusCode.Unauthorized, seeded);
    }

    [Fact]
    public async Task A_token_not_yet_valid_beyond_the_clock_skew_is_refused()
    {
        var seeded = await SeedAsync();
        var token = Tokens.Sign(Tokens.AccessTokenClaims(seeded.TenantId, seeded.UserId), notBefore: TimeSpan.FromMinutes(10), expires: TimeSpan.FromMinutes(70));
        await AssertRefusedAsync(token, HttpStatusCode.Unauthorized, seeded);
    }

    [Fact]
    public async Task An_id_token_is_refused()
    {
        var seeded = await SeedAsync();
        // An ID token for this app: same issuer, aud = client id, tid/oid, but no scp and no roles.
        var claims = Tokens.AccessTokenClaims(seeded.TenantId, seeded.UserId);
        claims.Remove("scp");
        claims.Remove("azp");
        claims.Remove("azpacr");
        claims["nonce"] = "b0f5e3a2-nonce";
        claims["aio"] = "fake-aio";
        claims["auth_time"] = DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds();
        await AssertRefusedAsync(Tokens.Sign(claims), HttpStatusCode.Unauthorized, seeded);
    }

    [Fact]
    public async Task An_id_token_of_a_user_with_an_app_role_is_forbidden()
    {
        var seeded = await SeedAsync();
        // ID tokens carry the user's app roles, which gets them past Microsoft.Identity.Web's scp-or-roles check.
        var claims = Tokens.AccessTokenClaims(seeded.TenantId, seeded.UserId);
        claims.Remove("scp");
        claims.Remove("azp");
        claims.Remove("azpacr");
        claims["roles"] = new[] { "Admin" };
        claims["nonce"] = "b0f5e3a2-nonce";
        await AssertRefusedAsync(Tokens.Sign(claims), HttpStatusCode.Forbidden, seeded);
    }

    [Fact]
    public async Task A_token_whose_issuer_tenant_differs_from_tid_is_refused()
    {
        var seeded = await SeedAsync();
        var otherTenant = Guid.NewGuid();
        // Issued (iss) by another tenant, claiming the seeded tenant in tid.
        var claims = Tokens.AccessTokenClaims(seeded.TenantId, seeded.UserId);
        claims["iss"] = factory.Entra.IssuerOf(otherTenant);
        await AssertRefusedAsync(Tokens.Sign(claims), HttpStatusCode.Unauthorized, seeded);

        // And the other way round: the seeded tenant's issuer, another tid.
        claims = Tokens.AccessTokenClaims(otherTenant, seeded.UserId);
        claims["iss"] = factory.Entra.IssuerOf(seeded.TenantId);
        await AssertRefusedAsync(Tokens.Sign(claims), HttpStatusCode.Unauthorized, seeded);
    }

    [Fact]
    public async Task A_v1_token_is_accepted_only_when_its_sts_issuer_names_the_same_tenant_as_tid()
    {
        var seeded = await SeedAsync();
        Dictionary<string, object> V1(Guid issuerTenant, Guid tid)
        {
            var claims = Tokens.AccessTokenClaims(tid, seeded.UserId);
            claims["iss"] = FakeEntraServer.V1IssuerTemplate.Replace("{tenantid}", issuerTenant.ToString());
            claims["aud"] = "api://" + EntraServiceFactory.ClientId;
            claims["ver"] = "1.0";
            claims["appid"] = claims["azp"];
            claims.Remove("azp");
            return claims;
        }

        // Microsoft.Identity.Web accepts Entra v1.0 tokens for this app (same keys, sts.windows.net issuer)...
        var me = await MeAsync(Tokens.Sign(V1(seeded.TenantId, seeded.TenantId)));
        Assert.Equal(seeded.TenantId, me["workspace"]!.AsObject().Id("tenantId"));
        // ...but not one whose issuer tenant differs from tid.
        await AssertRefusedAsync(Tokens.Sign(V1(Guid.NewGuid(), seeded.TenantId)), HttpStatusCode.Unauthorized, seeded);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/{0}/v2.0")]
    [InlineData("{1}/{0}/v2.0/")]
    [InlineData("{1}/organizations/v2.0")]
    public async Task A_token_from_an_issuer_other_than_the_configured_instance_is_refused(string issuerFormat)
    {
        var seeded = await SeedAsync();
        var claims = Tokens.AccessTokenClaims(seeded.TenantId, seeded.UserId);
        claims["iss"] = string.Format(issuerFormat, seeded.TenantId, factory.Entra.BaseUrl);
        await AssertRefusedAsync(Tokens.Sign(claims), HttpStatusCode.Unauthorized, seeded);
    }

    [Fact]
    public async Task A_personal_microsoft_account_is_forbidden()
    {
        var seeded = await SeedAsync();
        var token = Tokens.AccessToken(EntraTokens.PersonalAccountsTenant, Guid.NewGuid(), "Joe", "joe@outlook.com");
        await AssertRefusedAsync(token, HttpStatusCode.Forbidden, seeded);
        await Json.ProblemAsync(await factory.ClientWith(token).GetAsync("/api/me"), 403, "forbidden");
    }

    [Theory]
    [InlineData("User.Read")]
    [InlineData("access_as_user_x Access_As_User")]
    [InlineData("")]
    public async Task A_token_without_the_access_as_user_scope_is_forbidden(string scopes)
    {
        var seeded = await SeedAsync();
        var claims = Tokens.AccessTokenClaims(seeded.TenantId, seeded.UserId);
        claims["scp"] = scopes;
        // Microsoft.Identity.Web only checks that an scp (or roles) claim exists; the ApiUser policy refuses.
        await AssertRefusedAsync(Tokens.Sign(claims), HttpStatusCode.Forbidden, seeded);
    }

    [Fact]
    public async Task An_app_only_token_is_forbidden()
    {
        var seeded = await SeedAsync();
        var servicePrincipal = Guid.NewGuid();
        var claims = Tokens.AccessTokenClaims(seeded.TenantId, servicePrincipal);
        claims.Remove("scp");
        claims.Remove("name");
        claims.Remove("preferred_username");
        claims["sub"] = servicePrincipal.ToString();
        claims["roles"] = new[] { "Admin", "Staff" };
        claims["idtyp"] = "app";
        claims["azpacr"] = "1";
        await AssertRefusedAsync(Tokens.Sign(claims), HttpStatusCode.Forbidden, seeded);
    }

    [Fact]
    public async Task A_token_without_tid_or_oid_is_refused()
    {
        var seeded = await SeedAsync();
        var claims = Tokens.AccessTokenClaims(seeded.TenantId, seeded.UserId);
        claims.Remove("oid");
        await AssertRefusedAsync(Tokens.Sign(claims), HttpStatusCode.Forbidden, seeded);

        claims = Tokens.AccessTokenClaims(seeded.TenantId, seeded.UserId);
        claims.Remove("tid");
        await AssertRefusedAsync(Tokens.Sign(claims), HttpStatusCode.Unauthorized, seeded);
    }

    [Fact]
    public async Task Every_request_with_a_cached_token_still_hands_the_token_to_on_behalf_of_acquisition()
    {
        var token = Tokens.AccessToken(Guid.NewGuid(), Guid.NewGuid());
        await MeAsync(token);
        await MeAsync(token); // served from the validated-token cache
        var observed = factory.Observed.Where(o => o.Authorization == "Bearer " + token).ToList();
        Assert.Equal(2, observed.Count);
        Assert.True(observed[0].TokenStoredForObo, "first request: token not stored for on-behalf-of");
        Assert.True(observed[1].TokenStoredForObo, "second (cached) request: token not stored for on-behalf-of, so Graph token acquisition has no user assertion");
    }

    [Fact]
    public async Task A_refused_token_stays_refused_after_its_good_twin_was_cached()
    {
        var seeded = await SeedAsync();
        var good = Tokens.AccessToken(seeded.TenantId, seeded.UserId);
        await MeAsync(good);
        await MeAsync(good);
        // Same header and payload, signature bytes altered: only the exact validated string may be cached.
        var parts = good.Split('.');
        var flipped = parts[2][..^2] + (parts[2][^2] == 'A' ? "B" : "A") + parts[2][^1];
        await AssertRefusedAsync($"{parts[0]}.{parts[1]}.{flipped}", HttpStatusCode.Unauthorized, seeded);
        await AssertRefusedAsync($"{parts[0]}.{parts[1]}.", HttpStatusCode.Unauthorized, seeded);
    }
}
