using System.Net.Http.Headers;
using System.Text;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Clients;

public class UpdateClientTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Patch_merges_and_moves_the_version_on()
    {
        var session = await factory.SignInAsync();
        var created = await session.CreateClientAsync("Ana", "Souza", "ana@example.com", new { phone = "+55 11 5555-0000", preferredName = "Aninha" });

        var response = await Patch(session, created.Id(), """{"lastName":"Souza Lima","preferredName":null}""", created.Str("version"));
        var updated = await Json.ReadAsync(response, 200);

        Assert.Equal("Souza Lima", updated.Str("lastName"));
        Assert.Null(updated["preferredName"]);
        Assert.Equal("+55 11 5555-0000", updated.Str("phone")); // absent = unchanged
        Assert.Equal("ana@example.com", updated.Str("email"));
        Assert.Equal("\"2\"", updated.Str("version"));
        Assert.Equal(updated.Str("version"), response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task The_record_names_who_created_and_who_last_changed_it()
    {
        var tenant = Guid.NewGuid();
        var ana = await factory.SignInAsync(tenant, name: "Dr. Ana Lima");
        var bruno = await factory.SignInAsync(tenant, name: "Bruno Reception");
        var created = await ana.CreateClientAsync("Named", "Record");
        var updated = await Json.ReadAsync(await Patch(bruno, created.Id(), """{"lastName":"Changed"}""", created.Str("version")), 200);
        Assert.Equal("Dr. Ana Lima", updated.Str("createdByName"));
        Assert.Equal("Bruno Reception", updated.Str("updatedByName"));
    }

    [Fact]
    public async Task Patch_without_if_match_is_precondition_required()
    {
        var session = await factory.SignInAsync();
        var created = await session.CreateClientAsync();
        await Json.ProblemAsync(await Patch(session, created.Id(), """{"lastName":"X"}""", null), 428, "precondition-required");
    }

    [Fact]
    public async Task Patch_with_a_stale_version_is_refused_and_changes_nothing()
    {
        var session = await factory.SignInAsync();
        var created = await session.CreateClientAsync("Bia", "Costa");
        var stale = created.Str("version");
        await Json.ReadAsync(await Patch(session, created.Id(), """{"lastName":"Costa Reis"}""", stale), 200);

        await Json.ProblemAsync(await Patch(session, created.Id(), """{"lastName":"Overwritten"}""", stale), 412, "version-mismatch");
        await Json.ProblemAsync(await Patch(session, created.Id(), """{"lastName":"Overwritten"}""", "W/\"2\""), 412, "version-mismatch");
        Assert.Equal("Costa Reis", (await session.GetClientAsync(created.Id())).Str("lastName"));
    }

    [Fact]
    public async Task Patch_accepts_an_if_match_list_or_star_never_a_weak_tag()
    {
        var session = await factory.SignInAsync();
        var created = await session.CreateClientAsync("Lia", "Mota");
        var current = created.Str("version");
        var listed = await Json.ReadAsync(await Patch(session, created.Id(), """{"lastName":"Mota Reis"}""", $"\"999\", {current}"), 200);
        await Json.ProblemAsync(await Patch(session, created.Id(), """{"lastName":"Weak"}""", "W/" + listed.Str("version")), 412, "version-mismatch");
        await Json.ReadAsync(await Patch(session, created.Id(), """{"lastName":"Star"}""", "*"), 200);
        await Json.ProblemAsync(await Patch(session, created.Id(), """{"lastName":"X"}""", "not-a-tag"), 400, "validation-failed");
        Assert.Equal("Star", (await session.GetClientAsync(created.Id())).Str("lastName"));
    }

    [Fact]
    public async Task Other_writes_change_the_version_too()
    {
        var session = await factory.SignInAsync();
        var created = await session.CreateClientAsync("Caio", "Reis", "caio@example.com");
        var linked = await Json.ReadAsync(await session.PostJsonAsync($"/api/clients/{created.Id()}/emails",
            new { address = "caio.work@example.com", @as = "secondary" }), 200);
        Assert.NotEqual(created.Str("version"), linked.Str("version"));
        await Json.ProblemAsync(await Patch(session, created.Id(), """{"lastName":"Late"}""", created.Str("version")), 412, "version-mismatch");
    }

    [Fact]
    public async Task Patch_validates_what_it_names()
    {
        var session = await factory.SignInAsync();
        var created = await session.CreateClientAsync();
        var problem = await Json.ProblemAsync(
            await Patch(session, created.Id(), """{"firstName":null,"phone":12,"email":"nope"}""", created.Str("version")), 400, "validation-failed");
        Assert.NotNull(problem["errors"]!["firstName"]);
        Assert.NotNull(problem["errors"]!["phone"]);
        Assert.NotNull(problem["errors"]!["email"]);
        await Json.ProblemAsync(await Patch(session, created.Id(), "[1,2]", created.Str("version")), 400, "malformed-json");
    }

    [Fact]
    public async Task Patch_to_an_address_of_another_client_conflicts()
    {
        var session = await factory.SignInAsync();
        var owner = await session.CreateClientAsync("Dora", "Melo", "dora@example.com");
        var other = await session.CreateClientAsync("Enzo", "Melo");
        var problem = await Json.ProblemAsync(await Patch(session, other.Id(), """{"email":"Dora@Example.com"}""", other.Str("version")), 409, "email-in-use");
        Assert.Equal(owner.Id(), Guid.Parse(problem["existingClientIds"]![0]!.GetValue<string>()));

        var shared = await Json.ReadAsync(await Patch(session, other.Id(), """{"email":"Dora@Example.com","allowSharedEmail":true}""", other.Str("version")), 200);
        Assert.Equal("Dora@Example.com", shared.Str("email"));
    }

    [Fact]
    public async Task Patch_of_an_unknown_client_is_not_found()
    {
        var session = await factory.SignInAsync();
        await Json.ProblemAsync(await Patch(session, Guid.NewGuid(), """{"lastName":"X"}""", "\"1\""), 404, "not-found");
    }

    internal static Task<HttpResponseMessage> Patch(TenantSession session, Guid id, string json, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/clients/{id}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return session.Http.SendAsync(request);
    }
}
