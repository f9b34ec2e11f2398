using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Suggestions;
using OutlookCrm.Service.Tests.Audit;
using OutlookCrm.Service.Tests.History;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Suggestions;

public class SuggestionsTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task The_same_name_in_another_form_suggests_the_client_to_link_as_a_secondary_email()
    {
        var session = await factory.SignInAsync();
        var beatriz = await session.CreateClientAsync("Beatriz", "Costa", "beatriz@example.com");

        foreach (var written in new[] { "beatriz costa", "Beatriz Helena Côsta", "Costa, Beatriz" })
        {
            var suggestion = Assert.Single(await SuggestAsync(session, "bia.new@example.net", written));
            Assert.Equal(beatriz.Str("id"), suggestion.Str("clientId"));
            Assert.Equal("Beatriz Costa", suggestion.Str("displayName"));
            Assert.Equal("sameName", suggestion.Str("reason"));
            Assert.Equal("secondary", suggestion.Str("linkAs"));
        }
    }

    [Fact]
    public async Task A_name_written_family_first_is_suggested_as_reversed()
    {
        var session = await factory.SignInAsync();
        await session.CreateClientAsync("Beatriz", "Costa", "beatriz@example.com");

        var suggestion = Assert.Single(await SuggestAsync(session, "costa.b@example.net", "Costa Beatriz"));
        Assert.Equal("sameNameReversed", suggestion.Str("reason"));
    }

    [Fact]
    public async Task A_shared_family_domain_suggests_its_clients_and_a_webmail_domain_never_does()
    {
        var session = await factory.SignInAsync();
        var ada = await session.CreateClientAsync("Ada", "Okafor", "ada@okafor.family");
        await session.CreateClientAsync("Gil", "Gmail", "gil@gmail.com");

        var suggestion = Assert.Single(await SuggestAsync(session, "chidi@okafor.family", "Chidi"));
        Assert.Equal(ada.Str("id"), suggestion.Str("clientId"));
        Assert.Equal("sameDomain", suggestion.Str("reason"));
        Assert.Equal("okafor.family", suggestion.Str("domain"));
        Assert.Empty(await SuggestAsync(session, "someone@gmail.com", "Someone Else"));
    }

    [Fact]
    public async Task A_name_the_client_wrote_under_on_a_saved_email_suggests_the_client()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Theo", "Martins", "familia.martins@example.com");
        var email = new
        {
            internetMessageId = "<seen-1@example.com>",
            subject = "Agenda",
            from = new { name = "Mãe do Théo", address = "familia.martins@example.com" },
            to = new[] { new { name = "Clínica", address = "clinica@example.com" } },
            sentAt = DateTime.UtcNow,
        };
        await HistoryTestData.SaveAsync(session, client.Id(), email);

        var suggestion = Assert.Single(await SuggestAsync(session, "mae.theo@example.net", "mae do theo"));
        Assert.Equal(client.Str("id"), suggestion.Str("clientId"));
        Assert.Equal("seenName", suggestion.Str("reason"));
    }

    [Fact]
    public async Task The_practitioners_own_name_on_a_saved_email_is_not_remembered_for_the_client()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Theo", "Martins", "theo@example.com");
        // Sent by the practitioner ("Sender" from the clinic's address): not a name the client writes under.
        await HistoryTestData.SaveAsync(session, client.Id(), HistoryTestData.Email("<sent-1@example.com>", "clinic@example.com", DateTime.UtcNow));

        Assert.Empty(await SuggestAsync(session, "someone@example.net", "Sender"));
    }

    [Fact]
    public async Task Known_and_unreadable_addresses_get_no_suggestions()
    {
        var session = await factory.SignInAsync();
        await session.CreateClientAsync("Beatriz", "Costa", "beatriz@example.com");

        var results = await ResultsAsync(session, new { address = "beatriz@example.com", displayName = "Beatriz Costa" }, new { address = "not an address", displayName = "Beatriz Costa" });
        Assert.All(results, r => Assert.Empty(r["suggestions"]!.AsArray()));
        Assert.Equal(["beatriz@example.com", "not an address"], results.Select(r => r.Str("address")));
    }

    [Fact]
    public async Task A_client_without_a_primary_email_is_linked_as_primary()
    {
        var session = await factory.SignInAsync();
        await session.CreateClientAsync("Rui", "Barros");

        Assert.Equal("primary", Assert.Single(await SuggestAsync(session, "rui@example.net", "Rui Barros")).Str("linkAs"));
    }

    [Fact]
    public async Task At_most_three_suggestions_best_reason_first()
    {
        var session = await factory.SignInAsync();
        await session.CreateClientAsync("Zé", "Souza", "ze@souza.family");
        foreach (var first in new[] { "Ana", "Bia", "Caio", "Davi" })
            await session.CreateClientAsync(first, "Souza", $"{first.ToLowerInvariant()}@souza.family");

        var suggestions = await SuggestAsync(session, "jose@souza.family", "Zé Souza");
        Assert.Equal(["sameName", "sameDomain", "sameDomain"], suggestions.Select(s => s.Str("reason")));
        Assert.Equal("Zé Souza", suggestions[0].Str("displayName"));
    }

    [Fact]
    public async Task A_key_too_many_clients_share_suggests_none_of_them()
    {
        var session = await factory.SignInAsync();
        for (var i = 0; i <= SuggestionEndpoints.MaxPerKey; i++)
            await session.CreateClientAsync("Ana", "Silva", $"ana{i}@bigcompany.example");
        await session.CreateClientAsync("Rui", "Raro", "rui@bigcompany.example");

        Assert.Empty(await SuggestAsync(session, "ana.new@example.net", "Ana Silva"));
        Assert.Empty(await SuggestAsync(session, "someone@bigcompany.example", "Someone"));
        Assert.Equal("sameName", Assert.Single(await SuggestAsync(session, "rui.new@bigcompany.example", "Rui Raro")).Str("reason"));
    }

    [Fact]
    public async Task Suggestions_follow_the_record_and_never_cross_tenants()
    {
        var session = await factory.SignInAsync();
        var other = await factory.SignInAsync();
        await other.CreateClientAsync("Beatriz", "Costa", "beatriz@okafor.family");
        var client = await session.CreateClientAsync("Beatriz", "Costa", "b@example.com");
        Assert.Empty(await SuggestAsync(session, "x@okafor.family", "Someone"));

        await Json.ReadAsync(await Clients.UpdateClientTests.Patch(session, client.Id(), """{"lastName":"Lima"}""", client.Str("version")), 200);
        Assert.Empty(await SuggestAsync(session, "new@example.net", "Beatriz Costa"));
        Assert.Single(await SuggestAsync(session, "new@example.net", "Beatriz Lima"));
    }

    [Fact]
    public async Task Suggesting_is_audited_with_the_clients_it_revealed()
    {
        var session = await factory.SignInAsync();
        var beatriz = await session.CreateClientAsync("Beatriz", "Costa", "beatriz@example.com");
        await SuggestAsync(session, "bia.new@example.net", "Beatriz Costa");

        var record = Assert.Single(await AuditTrailTests.AuditAsync(session, "?action=suggest"));
        Assert.Equal("success", record.Str("outcome"));
        Assert.Equal([beatriz.Str("id")], record["revealedClients"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public async Task A_list_of_participants_out_of_bounds_is_refused(int count)
    {
        var session = await factory.SignInAsync();
        var participants = Enumerable.Range(0, count).Select(i => new { address = $"p{i}@example.com", displayName = "P" }).ToArray();
        await Json.ProblemAsync(await session.PostJsonAsync("/api/suggestions", new { participants }), 400, "validation-failed");
    }

    [Fact]
    public async Task A_display_name_over_200_characters_is_refused()
    {
        var session = await factory.SignInAsync();
        var participants = new[] { new { address = "p@example.com", displayName = new string('a', 201) } };
        await Json.ProblemAsync(await session.PostJsonAsync("/api/suggestions", new { participants }), 400, "validation-failed");
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task Clients_of_a_workspace_from_before_suggestions_get_their_keys_in_the_background()
    {
        var session = await factory.SignInAsync();
        await session.CreateClientAsync("Beatriz", "Costa", "beatriz@okafor.family");
        var workspaceId = await session.WorkspaceIdAsync();
        using (var scope = await RequestScope.ForAsync(factory, session))
        {
            // As the migration leaves a workspace that already had clients: no keys, not indexed.
            await scope.Db.ClientMatchKeys.ExecuteDeleteAsync();
            await scope.Db.Workspaces.Where(w => w.Id == workspaceId).ExecuteUpdateAsync(s => s.SetProperty(w => w.MatchKeysIndexed, false));
        }
        Assert.Empty(await SuggestAsync(session, "new@example.net", "Beatriz Costa"));

        var keyed = await MatchKeyBackfill.IndexAsync(factory.Services.GetRequiredService<IServiceScopeFactory>(), workspaceId, session.TenantId, CancellationToken.None);

        Assert.Equal(1, keyed);
        Assert.Equal("sameName", Assert.Single(await SuggestAsync(session, "new@example.net", "Beatriz Costa")).Str("reason"));
        Assert.Equal("sameDomain", Assert.Single(await SuggestAsync(session, "x@okafor.family", "X")).Str("reason"));
        using var after = await RequestScope.ForAsync(factory, session);
        Assert.True(await after.Db.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.MatchKeysIndexed).SingleAsync());
    }

    static async Task<List<JsonObject>> SuggestAsync(TenantSession session, string address, string displayName) =>
        (await ResultsAsync(session, new { address, displayName })).Single()["suggestions"]!.AsArray().Select(s => s!.AsObject()).ToList();

    static async Task<List<JsonObject>> ResultsAsync(TenantSession session, params object[] participants) =>
        (await Json.ReadAsync(await session.PostJsonAsync("/api/suggestions", new { participants }), 200))["results"]!.AsArray().Select(r => r!.AsObject()).ToList();
}
