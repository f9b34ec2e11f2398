using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutlookCrm.Service.Tests.Clients;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Isolation;

/// <summary>Another tenant's ids answer 404 on every endpoint, and its data never shows up.</summary>
public class CrossTenantTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    async Task<(TenantSession Owner, TenantSession Intruder, JsonObject Client, JsonObject Field)> ArrangeAsync()
    {
        var owner = await factory.SignInAsync();
        var intruder = await factory.SignInAsync();
        var client = await owner.CreateClientAsync("Private", "Person", "private.person@example.com");
        var field = await Json.ReadAsync(await owner.PostJsonAsync("/api/fields", new { label = "Diagnosis code", type = "text" }), 201);
        await Json.ReadAsync(await owner.Http.PutAsJsonAsync($"/api/clients/{client.Id()}/fields/{field.Id()}", new { value = "F41.1" }), 200);
        return (owner, intruder, client, field);
    }

    [Fact]
    public async Task Get_client_of_another_tenant_is_not_found()
    {
        var (_, intruder, client, _) = await ArrangeAsync();
        await Json.ProblemAsync(await intruder.Http.GetAsync($"/api/clients/{client.Id()}"), 404, "not-found");
    }

    [Fact]
    public async Task Patch_client_of_another_tenant_is_not_found_and_changes_nothing()
    {
        var (owner, intruder, client, _) = await ArrangeAsync();
        await Json.ProblemAsync(await UpdateClientTests.Patch(intruder, client.Id(), """{"lastName":"Hacked"}""", client.Str("version")), 404, "not-found");
        Assert.Equal("Person", (await owner.GetClientAsync(client.Id())).Str("lastName"));
    }

    [Fact]
    public async Task Link_and_unlink_on_another_tenants_client_are_not_found()
    {
        var (owner, intruder, client, _) = await ArrangeAsync();
        await Json.ProblemAsync(await intruder.PostJsonAsync($"/api/clients/{client.Id()}/emails", new { address = "evil@example.com", @as = "secondary" }), 404, "not-found");
        await Json.ProblemAsync(await intruder.Http.DeleteAsync($"/api/clients/{client.Id()}/emails/private.person@example.com"), 404, "not-found");
        Assert.Single((await owner.GetClientAsync(client.Id()))["emails"]!.AsArray());
    }

    [Fact]
    public async Task Field_values_cannot_be_set_across_tenants()
    {
        var (owner, intruder, client, field) = await ArrangeAsync();
        var ownField = await Json.ReadAsync(await intruder.PostJsonAsync("/api/fields", new { label = "Diagnosis code", type = "text" }), 201);
        var intruderClient = await intruder.CreateClientAsync("Own", "Client");

        // Their field on my client, my field on their client, their field on their client: all unknown to me.
        await Json.ProblemAsync(await intruder.Http.PutAsJsonAsync($"/api/clients/{intruderClient.Id()}/fields/{field.Id()}", new { value = "x" }), 404, "not-found");
        await Json.ProblemAsync(await intruder.Http.PutAsJsonAsync($"/api/clients/{client.Id()}/fields/{ownField.Id()}", new { value = "x" }), 404, "not-found");
        await Json.ProblemAsync(await intruder.Http.PutAsJsonAsync($"/api/clients/{client.Id()}/fields/{field.Id()}", new { value = "x" }), 404, "not-found");
        Assert.Equal("F41.1", (await owner.GetClientAsync(client.Id()))["fields"]![0].Str("value"));
    }

    [Fact]
    public async Task Another_tenants_admin_cannot_delete_a_field_or_see_its_values()
    {
        var (owner, intruderAdmin, client, field) = await ArrangeAsync();
        await intruderAdmin.Http.GetAsync("/api/me"); // first user of their own workspace: its admin
        await Json.ProblemAsync(await intruderAdmin.Http.DeleteAsync($"/api/fields/{field.Id()}"), 404, "not-found");
        Assert.Equal("F41.1", (await owner.GetClientAsync(client.Id()))["fields"]![0].Str("value"));
    }

    [Fact]
    public async Task Lookup_list_and_fields_show_only_the_callers_workspace()
    {
        var (_, intruder, _, _) = await ArrangeAsync();
        Assert.Empty((await intruder.LookupAsync("private.person@example.com"))["results"]![0]!["matches"]!.AsArray());
        Assert.Empty((await Json.ReadAsync(await intruder.Http.GetAsync("/api/clients?search=private"), 200))["items"]!.AsArray());
        Assert.Empty((await Json.ReadAsync(await intruder.Http.GetAsync("/api/clients"), 200))["items"]!.AsArray());
        Assert.Empty((await Json.ReadAsync(await intruder.Http.GetAsync("/api/fields"), 200))["items"]!.AsArray());
    }

    [Fact]
    public async Task An_address_used_in_another_tenant_is_free_here()
    {
        var (_, intruder, _, _) = await ArrangeAsync();
        await intruder.CreateClientAsync("Same", "Address", "private.person@example.com");
        await Json.ReadAsync(await intruder.PostJsonAsync("/api/fields", new { label = "Diagnosis code 2", type = "text" }), 201);
    }

    [Fact]
    public async Task Idempotency_keys_do_not_replay_across_tenants()
    {
        var owner = await factory.SignInAsync();
        var intruder = await factory.SignInAsync(userId: owner.UserId);
        var key = Guid.NewGuid().ToString();
        async Task<JsonObject> Create(TenantSession s)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/clients") { Content = JsonContent.Create(new { firstName = "Keyed" }) };
            request.Headers.Add("Idempotency-Key", key);
            return await Json.ReadAsync(await s.Http.SendAsync(request), 201);
        }
        var mine = await Create(owner);
        var theirs = await Create(intruder);
        Assert.NotEqual(mine.Id(), theirs.Id());
        await Json.ProblemAsync(await intruder.Http.GetAsync($"/api/clients/{mine.Id()}"), 404, "not-found");
    }

    [Fact]
    public async Task Me_names_the_callers_own_workspace()
    {
        var a = await factory.SignInAsync();
        var b = await factory.SignInAsync();
        var meA = await Json.ReadAsync(await a.Http.GetAsync("/api/me"), 200);
        var meB = await Json.ReadAsync(await b.Http.GetAsync("/api/me"), 200);
        Assert.Equal(a.TenantId, meA["workspace"]!.AsObject().Id("tenantId"));
        Assert.Equal(a.UserId, meA["user"]!.AsObject().Id());
        Assert.NotEqual(meA["workspace"]!.AsObject().Id(), meB["workspace"]!.AsObject().Id());
    }

    [Fact]
    public async Task Save_on_send_choices_and_reports_never_reach_another_tenant()
    {
        var (owner, intruder, client, _) = await ArrangeAsync();
        var key = Guid.NewGuid().ToString("N");
        await Json.ReadAsync(await owner.Http.PutAsJsonAsync($"/api/send-saves/{key}", new { clientIds = new[] { client.Id() } }), 200);

        // Another tenant's client cannot be chosen, and the owner's key is unknown to the intruder.
        await Json.ProblemAsync(await intruder.Http.PutAsJsonAsync($"/api/send-saves/{Guid.NewGuid():N}", new { clientIds = new[] { client.Id() } }), 404, "not-found");
        await Json.ProblemAsync(await intruder.PostJsonAsync($"/api/send-saves/{key}/sent", new { recipients = new[] { "private.person@example.com" } }), 404, "not-found");
        // Even with the intruder's default on, the owner's client is not a known client there.
        await Json.ReadAsync(await intruder.Http.PutAsJsonAsync("/api/me/save-settings", new { saveToKnownClientsWhenSent = true }), 200);
        var reported = await Json.ReadAsync(await intruder.PostJsonAsync($"/api/send-saves/{key}/sent", new { recipients = new[] { "private.person@example.com" } }), 202);
        Assert.Empty(reported["clients"]!.AsArray());
        Assert.False((await Json.ReadAsync(await owner.Http.GetAsync("/api/me/save-settings"), 200))["saveToKnownClientsWhenSent"]!.GetValue<bool>());

        // The owner's choice is untouched (still open to change) and the intruder's resolve sees none of it.
        Assert.Equal(0, (await Json.ReadAsync(await intruder.Http.PostAsync("/api/send-saves/resolve", null), 200))["pending"]!.GetValue<int>());
        Assert.Equal(1, (await Json.ReadAsync(await owner.Http.PostAsync("/api/send-saves/resolve", null), 200))["pending"]!.GetValue<int>());
        await Json.ReadAsync(await owner.Http.PutAsJsonAsync($"/api/send-saves/{key}", new { clientIds = new[] { client.Id() } }), 200);
    }

    [Fact]
    public async Task A_conversation_saved_in_one_tenant_is_unknown_in_another()
    {
        var (owner, intruder, client, _) = await ArrangeAsync();
        var conversation = "AAQk" + Guid.NewGuid().ToString("N");
        await Json.ReadAsync(await owner.PostJsonAsync($"/api/clients/{client.Id()}/saved-emails", History.HistoryTestData.Email(
            $"<{Guid.NewGuid():N}@mail.example.com>", "private.person@example.com", DateTime.UtcNow.AddHours(-1), conversationId: conversation)), 201);

        var url = $"/api/conversations/saved?conversationId={Uri.EscapeDataString(conversation)}";
        Assert.Empty((await Json.ReadAsync(await intruder.Http.GetAsync(url), 200))["clients"]!.AsArray());

        // The intruder saving the same conversation id to its own client shows the owner only the owner's client.
        var own = await intruder.CreateClientAsync("Own", "Client", "own.client@example.com");
        await Json.ReadAsync(await intruder.PostJsonAsync($"/api/clients/{own.Id()}/saved-emails", History.HistoryTestData.Email(
            $"<{Guid.NewGuid():N}@mail.example.com>", "own.client@example.com", DateTime.UtcNow.AddHours(-1), conversationId: conversation)), 201);
        var seen = (await Json.ReadAsync(await owner.Http.GetAsync(url), 200))["clients"]!.AsArray();
        Assert.Equal(client.Id(), Assert.Single(seen)!.AsObject().Id("clientId"));
        Assert.Equal(own.Id(), Assert.Single((await Json.ReadAsync(await intruder.Http.GetAsync(url), 200))["clients"]!.AsArray())!.AsObject().Id("clientId"));
    }
}
