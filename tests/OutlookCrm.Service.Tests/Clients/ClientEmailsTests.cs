using System.Text.Json.Nodes;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Clients;

public class ClientEmailsTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Link_as_primary_when_the_client_has_none()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Ana", "Souza");
        var record = await Link(session, client.Id(), new { address = "Ana@Example.com", @as = "primary" }, 200);
        Assert.Equal("Ana@Example.com", record.Str("email"));
        Assert.Equal("primary", Lookup(await session.LookupAsync("ana@example.com"))[0]!.Str("matchedAs"));
    }

    [Fact]
    public async Task Link_as_primary_over_an_existing_one_asks_first_then_can_keep_the_old_one()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Bia", "Reis", "bia.old@example.com");

        var problem = await Json.ProblemAsync(await session.PostJsonAsync($"/api/clients/{client.Id()}/emails",
            new { address = "bia.new@example.com", @as = "primary" }), 409, "primary-exists");
        Assert.Equal("bia.old@example.com", problem.Str("currentPrimary"));

        var record = await Link(session, client.Id(), new { address = "bia.new@example.com", @as = "primary", replacePrimary = true, keepPreviousAsSecondary = true }, 200);
        Assert.Equal("bia.new@example.com", record.Str("email"));
        var secondary = record["emails"]!.AsArray().Single(e => e!.Str("kind") == "field")!;
        Assert.Equal("bia.old@example.com", secondary.Str("address"));
        Assert.Equal("Secondary email", secondary.Str("label"));
    }

    [Fact]
    public async Task Link_as_secondary_creates_the_field_and_is_recognised_by_lookup()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Caio", "Lima", "caio@example.com");
        var record = await Link(session, client.Id(), new { address = "caio.home@example.org", @as = "secondary" }, 200);

        var field = record["fields"]!.AsArray().Single()!;
        Assert.Equal("Secondary email", field.Str("label"));
        Assert.Equal("email", field.Str("type"));
        var match = Lookup(await session.LookupAsync("CAIO.HOME@example.org")).Single()!;
        Assert.Equal(client.Id(), Guid.Parse(match.Str("clientId")));
        Assert.Equal("Secondary email", match.Str("matchedAs"));

        var fields = await Json.ReadAsync(await session.Http.GetAsync("/api/fields"), 200);
        Assert.Contains(fields["items"]!.AsArray(), f => f!.Str("label") == "Secondary email" && f.Str("type") == "email");
    }

    [Fact]
    public async Task A_second_secondary_goes_to_the_next_free_label()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Davi", "Prado", "davi@example.com");
        await Link(session, client.Id(), new { address = "davi.2@example.com", @as = "secondary" }, 200);
        var record = await Link(session, client.Id(), new { address = "davi.3@example.com", @as = "secondary" }, 200);
        var labels = record["emails"]!.AsArray().Where(e => e!.Str("kind") == "field").Select(e => e!.Str("label")).ToArray();
        Assert.Equal(["Secondary email", "Secondary email 2"], labels);
    }

    [Fact]
    public async Task Link_with_a_custom_label()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Eva", "Nunes");
        var record = await Link(session, client.Id(), new { address = "eva@work.example.com", @as = "secondary", label = "Work email" }, 200);
        Assert.Equal("Work email", record["emails"]![0]!.Str("label"));
    }

    [Fact]
    public async Task Linking_an_address_the_client_already_has_changes_nothing()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Fabio", "Dias", "fabio@example.com");
        var record = await Link(session, client.Id(), new { address = "FABIO@example.com", @as = "secondary" }, 200);
        Assert.Equal(client.Str("version"), record.Str("version"));
        Assert.Single(record["emails"]!.AsArray());
    }

    [Fact]
    public async Task Linking_an_address_of_another_client_conflicts_unless_shared()
    {
        var session = await factory.SignInAsync();
        var mother = await session.CreateClientAsync("Gina", "Alves", "alves.family@example.com");
        var child = await session.CreateClientAsync("Hugo", "Alves");
        var problem = await Json.ProblemAsync(await session.PostJsonAsync($"/api/clients/{child.Id()}/emails",
            new { address = "alves.family@example.com", @as = "secondary" }), 409, "email-in-use");
        Assert.Equal(mother.Id(), Guid.Parse(problem["existingClientIds"]![0]!.GetValue<string>()));

        await Link(session, child.Id(), new { address = "alves.family@example.com", @as = "secondary", allowSharedEmail = true }, 200);
        Assert.Equal(2, Lookup(await session.LookupAsync("alves.family@example.com")).Count);
    }

    [Theory]
    [InlineData("""{"address":"not an address","as":"primary"}""", "address")]
    [InlineData("""{"address":"ok@example.com","as":"tertiary"}""", "as")]
    [InlineData("""{"address":"ok@example.com"}""", "as")]
    [InlineData("""{"address":"ok@example.com","as":"secondary","label":""}""", "label")]
    public async Task Invalid_link_requests_are_refused(string body, string property)
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync();
        var problem = await Json.ProblemAsync(await session.SendRawAsync(HttpMethod.Post, $"/api/clients/{client.Id()}/emails", body), 400, "validation-failed");
        Assert.NotNull(problem["errors"]![property]);
    }

    [Fact]
    public async Task Unlink_removes_primary_or_secondary()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Iara", "Luz", "iara@example.com");
        await Link(session, client.Id(), new { address = "iara+clinic@example.com", @as = "secondary" }, 200);

        var afterSecondary = await Json.ReadAsync(await session.Http.DeleteAsync($"/api/clients/{client.Id()}/emails/{Uri.EscapeDataString("IARA+clinic@example.com")}"), 200);
        Assert.Single(afterSecondary["emails"]!.AsArray());
        Assert.Empty(Lookup(await session.LookupAsync("iara+clinic@example.com")));

        var afterPrimary = await Json.ReadAsync(await session.Http.DeleteAsync($"/api/clients/{client.Id()}/emails/iara@example.com"), 200);
        Assert.Null(afterPrimary["email"]);
        Assert.Empty(afterPrimary["emails"]!.AsArray());
    }

    [Fact]
    public async Task Unlinking_an_address_the_client_does_not_have_is_not_found()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Joana", "Sá", "joana@example.com");
        await Json.ProblemAsync(await session.Http.DeleteAsync($"/api/clients/{client.Id()}/emails/other@example.com"), 404, "not-found");
        await Json.ProblemAsync(await session.Http.DeleteAsync($"/api/clients/{client.Id()}/emails/garbage"), 404, "not-found");
    }

    static async Task<JsonObject> Link(TenantSession session, Guid clientId, object body, int status) =>
        await Json.ReadAsync(await session.PostJsonAsync($"/api/clients/{clientId}/emails", body), status);

    static JsonArray Lookup(JsonObject response) => response["results"]![0]!["matches"]!.AsArray();
}
