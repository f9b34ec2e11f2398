using System.Net;
using System.Net.Http.Json;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Auth.Entra;

/// <summary>With Auth:AllowedTenants set, a valid Entra token of any other tenant is forbidden.</summary>
public class EntraAllowedTenantsTests(AllowListEntraServiceFactory factory) : IClassFixture<AllowListEntraServiceFactory>
{
    [Fact]
    public async Task The_allowed_tenant_is_served_and_any_other_tenant_is_forbidden_without_data()
    {
        var allowed = factory.ClientWith(factory.Tokens.AccessToken(AllowListEntraServiceFactory.AllowedTenant, Guid.NewGuid()));
        var me = await Json.ReadAsync(await allowed.GetAsync("/api/me"), 200);
        Assert.Equal(AllowListEntraServiceFactory.AllowedTenant, me["workspace"]!.AsObject().Id("tenantId"));
        var marker = "Allowed" + Guid.NewGuid().ToString("N")[..8];
        var created = await Json.ReadAsync(await allowed.PostAsJsonAsync("/api/clients", new { firstName = "Kept", lastName = marker }), 201);

        var outsider = factory.ClientWith(factory.Tokens.AccessToken(Guid.NewGuid(), Guid.NewGuid()));
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            foreach (var url in new[] { "/api/me", "/api/clients", $"/api/clients/{created.Id()}" })
            {
                var response = await outsider.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(marker, body);
                await Json.ProblemAsync(response, 403, "forbidden");
            }
            var post = await outsider.PostAsJsonAsync("/api/clients", new { firstName = "Not", lastName = "Allowed" });
            await Json.ProblemAsync(post, 403, "forbidden");
        }

        // Nothing was created for the outsider, and the allowed tenant still sees only its own client.
        var list = await Json.ReadAsync(await allowed.GetAsync("/api/clients"), 200);
        Assert.Contains(marker, list.ToJsonString());
        Assert.DoesNotContain("Allowed\"", list.ToJsonString().Replace(marker, ""));
    }

    [Fact]
    public async Task A_personal_account_is_forbidden_even_when_the_list_is_set()
    {
        var personal = factory.ClientWith(factory.Tokens.AccessToken(EntraTokens.PersonalAccountsTenant, Guid.NewGuid()));
        await Json.ProblemAsync(await personal.GetAsync("/api/me"), 403, "forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, (await personal.GetAsync("/api/me")).StatusCode);
    }
}
