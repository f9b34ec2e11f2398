using System.Net.Http.Json;
using OutlookCrm.Service.Lookup;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Lookup;

public class LookupTests(CapturingServiceFactory factory) : IClassFixture<CapturingServiceFactory>
{
    [Fact]
    public async Task Answers_every_address_in_request_order_echoing_it()
    {
        var session = await factory.SignInAsync();
        var ana = await session.CreateClientAsync("Ana", "Souza", "ana@example.com");
        var bruno = await session.CreateClientAsync("Bruno", "Dias", "bruno@example.com");
        await session.PostJsonAsync($"/api/clients/{ana.Id()}/emails", new { address = "ana.home@example.org", @as = "secondary" });

        var response = await session.LookupAsync("  BRUNO@example.com", "/O=EXCHANGELABS/OU=X/CN=RECIPIENTS/CN=ANA", "stranger@example.com", "Ana.Home@Example.org", null);
        var results = response["results"]!.AsArray();

        Assert.Equal(5, results.Count);
        Assert.Equal("  BRUNO@example.com", results[0].Str("address"));
        Assert.Equal(bruno.Id(), Guid.Parse(results[0]!["matches"]![0].Str("clientId")));
        Assert.Equal("Bruno Dias", results[0]!["matches"]![0].Str("displayName"));
        Assert.False(results[1]!["valid"]!.GetValue<bool>());
        Assert.Empty(results[1]!["matches"]!.AsArray());
        Assert.True(results[2]!["valid"]!.GetValue<bool>());
        Assert.Empty(results[2]!["matches"]!.AsArray());
        Assert.Equal("Secondary email", results[3]!["matches"]![0].Str("matchedAs"));
        Assert.False(results[4]!["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Matches_international_domains_in_either_form_and_nfd_local_parts()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("José", "Ávila", "jos\u00e9@ex\u00e1mple.com");
        var results = (await session.LookupAsync("jose\u0301@xn--exmple-qta.com", "JOSÉ@EXÁMPLE.COM"))["results"]!.AsArray();
        Assert.All(results, r => Assert.Equal(client.Id(), Guid.Parse(r!["matches"]![0].Str("clientId"))));
    }

    [Fact]
    public async Task Never_strips_dots_or_tags()
    {
        var session = await factory.SignInAsync();
        await session.CreateClientAsync("Carla", "Melo", "carla.melo@example.com");
        var results = (await session.LookupAsync("carlamelo@example.com", "carla.melo+clinic@example.com"))["results"]!.AsArray();
        Assert.All(results, r => Assert.Empty(r!["matches"]!.AsArray()));
    }

    [Fact]
    public async Task A_shared_address_lists_every_client_by_display_name_and_primary_wins_over_a_field()
    {
        var session = await factory.SignInAsync();
        var zoe = await session.CreateClientAsync("Zoe", "Costa", "costa.family@example.com");
        var bia = await session.CreateClientAsync("Bia", "Costa", "costa.family@example.com", new { allowSharedEmail = true });
        // Bia also holds the address in a field: still one match, as primary.
        var field = await Json.ReadAsync(await session.PostJsonAsync("/api/fields", new { label = "Family email", type = "email" }), 201);
        await Json.ReadAsync(await session.Http.PutAsJsonAsync($"/api/clients/{bia.Id()}/fields/{field.Id()}", new { value = "costa.family@example.com", allowSharedEmail = true }), 200);

        var matches = (await session.LookupAsync("costa.family@example.com"))["results"]![0]!["matches"]!.AsArray();
        Assert.Equal(["Bia Costa", "Zoe Costa"], matches.Select(m => m.Str("displayName")).ToArray());
        Assert.Equal(["primary", "primary"], matches.Select(m => m.Str("matchedAs")).ToArray());
        Assert.Equal(zoe.Id(), Guid.Parse(matches[1].Str("clientId")));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"addresses":[]}""")]
    [InlineData("""{"addresses":null}""")]
    public async Task A_missing_or_empty_list_is_a_validation_problem(string body)
    {
        var session = await factory.SignInAsync();
        await Json.ProblemAsync(await session.SendRawAsync(HttpMethod.Post, "/api/lookup", body), 400, "validation-failed");
    }

    [Theory]
    [InlineData("""{"addresses":"a@example.com"}""")]
    [InlineData("""{"addresses":[1,2]}""")]
    [InlineData("""{"addresses":[{"a":1}]}""")]
    [InlineData("""{"addresses":["a@example.com"}""")]
    public async Task A_list_that_is_not_strings_is_malformed(string body)
    {
        var session = await factory.SignInAsync();
        await Json.ProblemAsync(await session.SendRawAsync(HttpMethod.Post, "/api/lookup", body), 400, "malformed-json");
    }

    [Fact]
    public async Task More_than_50_addresses_are_refused_and_50_are_answered()
    {
        var session = await factory.SignInAsync();
        var fifty = Enumerable.Range(0, 50).Select(i => $"p{i}@example.com").ToArray();
        Assert.Equal(50, (await session.LookupAsync(fifty))["results"]!.AsArray().Count);
        await Json.ProblemAsync(await session.PostJsonAsync("/api/lookup", new { addresses = fifty.Append("one.more@example.com") }), 400, "validation-failed");
    }

    [Fact]
    [Trait("Database", "SqliteOnly")] // SQLite's plan for its prepared statement
    public async Task Lookup_is_one_statement_of_index_seeks()
    {
        var session = await factory.SignInAsync();
        await session.CreateClientAsync("Plan", "Check", "plan@example.com");
        var workspaceId = await session.WorkspaceIdAsync();

        // The statement the embedded database runs for every lookup, with the parameters it binds.
        var plan = CommandCapture.PlanOf(factory.DatabasePath, SqliteLookupQuery.Sql,
            [("$workspace", workspaceId.ToString().ToUpperInvariant()), ("$addresses", """["plan@example.com","other@example.com"]""")]);
        Assert.Contains(plan, line => line.StartsWith("SEARCH", StringComparison.Ordinal) && line.Contains("IX_Clients_WorkspaceId_EmailNormalized (WorkspaceId=? AND EmailNormalized=?)", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.StartsWith("SEARCH", StringComparison.Ordinal) && line.Contains("IX_FieldValues_WorkspaceId_EmailNormalized (WorkspaceId=? AND EmailNormalized=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal) && !line.Contains("json_each", StringComparison.Ordinal));
    }
}
