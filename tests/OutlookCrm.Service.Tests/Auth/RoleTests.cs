using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Auth;

public class RoleTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task The_first_user_of_a_development_workspace_is_admin_later_ones_staff()
    {
        var tenant = Guid.NewGuid();
        var first = await factory.SignInAsync(tenant);
        var second = await factory.SignInAsync(tenant);
        var field = await Json.ReadAsync(await first.PostJsonAsync("/api/fields", new { label = "Temporary", type = "text" }), 201);

        await Json.ProblemAsync(await second.Http.DeleteAsync($"/api/fields/{field.Str("id")}"), 403, "admin-required");
        Assert.Equal(HttpStatusCode.NoContent, (await first.Http.DeleteAsync($"/api/fields/{field.Str("id")}")).StatusCode);
    }

    [Fact]
    public async Task Roles_in_the_token_decide()
    {
        var tenant = Guid.NewGuid();
        var staffFirst = await SignInWithRolesAsync(tenant, ["Staff"]);
        var admin = await SignInWithRolesAsync(tenant, ["Admin"]);
        var client = await staffFirst.CreateClientAsync("Role", "Check");

        await Json.ProblemAsync(await staffFirst.Http.DeleteAsync($"/api/clients/{client.Id()}"), 403, "admin-required");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/clients/{client.Id()}")).StatusCode);
    }

    [Fact]
    public async Task Unknown_roles_are_refused_by_the_development_issuer()
    {
        var http = factory.CreateClient();
        var problem = await Json.ProblemAsync(await http.PostAsJsonAsync("/dev/token", new { tenantId = Guid.NewGuid(), userId = Guid.NewGuid(), roles = new[] { "Root" } }), 400, "validation-failed");
        Assert.NotNull(problem["errors"]!["roles"]);
    }

    [Fact]
    public async Task Deleting_a_field_clears_it_on_every_client_and_moves_their_versions_on()
    {
        var admin = await factory.SignInAsync();
        var field = await Json.ReadAsync(await admin.PostJsonAsync("/api/fields", new { label = "Old field", type = "text" }), 201);
        var client = await admin.CreateClientAsync("Has", "Value");
        var withValue = await Json.ReadAsync(await admin.Http.PutAsJsonAsync($"/api/clients/{client.Id()}/fields/{field.Str("id")}", new { value = "x" }), 200);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/fields/{field.Str("id")}")).StatusCode);
        var after = await admin.GetClientAsync(client.Id());
        Assert.Empty(after["fields"]!.AsArray());
        Assert.NotEqual(withValue.Str("version"), after.Str("version"));
        await Json.ProblemAsync(await admin.Http.DeleteAsync($"/api/fields/{field.Str("id")}"), 404, "not-found");
    }

    async Task<TenantSession> SignInWithRolesAsync(Guid tenant, string[] roles)
    {
        var session = await factory.SignInAsync(tenant);
        var response = await factory.CreateClient().PostAsJsonAsync("/dev/token", new { tenantId = tenant, userId = session.UserId, roles });
        var token = (await Json.ReadAsync(response, 200)).Str("accessToken");
        session.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return session;
    }
}
