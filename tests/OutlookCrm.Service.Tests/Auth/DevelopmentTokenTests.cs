using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Auth;

public class DevelopmentTokenTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Dev_token_is_an_entra_shaped_jwt_for_the_caller()
    {
        var http = factory.CreateClient();
        var tenant = Guid.NewGuid();
        var user = Guid.NewGuid();
        var body = await Json.ReadAsync(await http.PostAsJsonAsync("/dev/token", new { tenantId = tenant, userId = user, name = "Dr. Ana", email = "ana@clinic.example.com" }), 200);

        var token = new JsonWebToken(body.Str("accessToken"));
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(tenant.ToString(), token.GetClaim("tid").Value);
        Assert.Equal(user.ToString(), token.GetClaim("oid").Value);
        Assert.Equal("access_as_user", token.GetClaim("scp").Value);
        Assert.True(DateTimeOffset.Parse(body.Str("expiresAt")) > DateTimeOffset.UtcNow.AddMinutes(30));
    }

    [Theory]
    [InlineData("""{"userId":"7d1c1a9e-0000-4000-8000-0000000000a1"}""", "tenantId")]
    [InlineData("""{"tenantId":"00000000-0000-0000-0000-000000000000","userId":"7d1c1a9e-0000-4000-8000-0000000000a1"}""", "tenantId")]
    [InlineData("""{"tenantId":"7d1c1a9e-0000-4000-8000-000000000001"}""", "userId")]
    [InlineData("""{"tenantId":"7d1c1a9e-0000-4000-8000-000000000001","userId":"7d1c1a9e-0000-4000-8000-0000000000a1","email":"nope"}""", "email")]
    public async Task Dev_token_requests_are_validated(string body, string property)
    {
        var http = factory.CreateClient();
        var problem = await Json.ProblemAsync(await http.PostAsync("/dev/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), 400, "validation-failed");
        Assert.NotNull(problem["errors"]![property]);
    }

    [Fact]
    public async Task Dev_token_with_a_non_guid_tenant_is_malformed()
    {
        var http = factory.CreateClient();
        await Json.ProblemAsync(await http.PostAsJsonAsync("/dev/token", new { tenantId = "contoso", userId = Guid.NewGuid() }), 400, "malformed-json");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer not.a.token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Api_without_a_valid_token_is_unauthorized(string? authorization)
    {
        var http = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_with_a_tampered_payload_is_unauthorized()
    {
        var session = await factory.SignInAsync();
        var parts = session.AccessToken.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace(session.TenantId.ToString(), Guid.NewGuid().ToString());
        var forged = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_by_another_development_key_is_unauthorized()
    {
        using var otherService = new ServiceFactory();
        var foreign = await otherService.SignInAsync();
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", foreign.AccessToken);
        var response = await http.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Auth_config_tells_the_pane_to_use_development_tokens()
    {
        var config = await Json.ReadAsync(await factory.CreateClient().GetAsync("/api/auth/config"), 200);
        Assert.Equal("development", config.Str("mode"));
    }
}
