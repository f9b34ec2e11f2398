using System.Net;
using System.Text.Json.Nodes;
using OutlookCrm.Service.NeverTrack;
using OutlookCrm.Service.Tests.Audit;
using OutlookCrm.Service.Tests.History;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.NeverTrack;

public class NeverTrackTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task An_admin_lists_addresses_and_domains_in_matching_form()
    {
        var admin = await factory.SignInAsync();
        var address = await AddAsync(admin, "  Resultados@Lab.Example.com ");
        var domain = await AddAsync(admin, "Laboratório.com.br");

        Assert.Equal(("resultados@lab.example.com", "address"), (address.Str("value"), address.Str("kind")));
        Assert.Equal(("xn--laboratrio-mbb.com.br", "domain"), (domain.Str("value"), domain.Str("kind")));
        var listed = await ListAsync(admin);
        Assert.Equal(["resultados@lab.example.com", "xn--laboratrio-mbb.com.br"], listed.Select(e => e.Str("value")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an address@")]
    [InlineData("localhost")]
    [InlineData("exa mple.com")]
    [InlineData("@example.com")]
    public async Task What_is_neither_an_address_nor_a_domain_is_refused(string value)
    {
        var admin = await factory.SignInAsync();
        await Json.ProblemAsync(await admin.PostJsonAsync("/api/never-track", new { value }), 400, "validation-failed");
    }

    [Fact]
    public async Task The_same_entry_twice_is_refused_in_any_spelling()
    {
        var admin = await factory.SignInAsync();
        var first = await AddAsync(admin, "bücher.example");
        var problem = await Json.ProblemAsync(await admin.PostJsonAsync("/api/never-track", new { value = "XN--BCHER-KVA.example" }), 409, "already-listed");
        Assert.Equal(first.Str("id"), problem.Str("existingEntryId"));
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task The_list_holds_at_most_a_thousand_entries()
    {
        var admin = await factory.SignInAsync();
        using (var scope = await RequestScope.ForAsync(factory, admin))
        {
            var workspaceId = await admin.WorkspaceIdAsync();
            scope.Db.NeverTrackEntries.AddRange(Enumerable.Range(0, NeverTrackRules.MaxEntries).Select(i => new NeverTrackEntry
            {
                Id = Guid.NewGuid(), WorkspaceId = workspaceId, Value = $"n{i}@example.com", CreatedAt = DateTime.UtcNow,
            }));
            await scope.Db.SaveChangesAsync();
        }
        await Json.ProblemAsync(await admin.PostJsonAsync("/api/never-track", new { value = "one-more.example" }), 422, "never-track-full");
    }

    [Fact]
    public async Task Only_admins_keep_the_list()
    {
        var tenant = Guid.NewGuid();
        var admin = await factory.SignInAsync(tenant);
        await admin.Http.GetAsync("/api/me"); // the workspace's first user: its admin in Development
        var staff = await factory.SignInAsync(tenant);
        await Json.ProblemAsync(await staff.PostJsonAsync("/api/never-track", new { value = "lab.example" }), 403, "admin-required");
        await Json.ProblemAsync(await staff.Http.GetAsync("/api/never-track"), 403, "admin-required");
    }

    [Fact]
    public async Task A_listed_sender_is_not_tracked_with_its_subdomains_and_its_email_is_not_saved()
    {
        var admin = await factory.SignInAsync();
        await AddAsync(admin, "insurer.example");
        var client = await admin.CreateClientAsync("Ana", "Souza", "ana@example.com");

        var results = await StatusesAsync(admin, "claims@insurer.example", "no-reply@mail.insurer.example", "someone@notinsurer.example", "ana@example.com");
        Assert.Equal(["notTracked", "notTracked", "unknown", "client"], results);
        var email = HistoryTestData.Email("<from-insurer@example.com>", "Claims@Insurer.example", DateTime.UtcNow);
        await Json.ProblemAsync(await admin.PostJsonAsync($"/api/clients/{client.Id()}/saved-emails", email), 422, "not-tracked");
    }

    [Fact]
    public async Task Listing_a_domain_keeps_what_was_saved_and_counts_it_until_an_admin_removes_it_in_one_audited_step()
    {
        var admin = await factory.SignInAsync();
        var client = await admin.CreateClientAsync("Ana", "Souza", "ana@example.com");
        await HistoryTestData.SaveAsync(admin, client.Id(), HistoryTestData.Email("<n1@example.com>", "News@Newsletter.example", DateTime.UtcNow));
        await HistoryTestData.SaveAsync(admin, client.Id(), HistoryTestData.Email("<n2@example.com>", "weekly@mail.newsletter.example", DateTime.UtcNow));
        await HistoryTestData.SaveAsync(admin, client.Id(), HistoryTestData.Email("<keep@example.com>", "ana@example.com", DateTime.UtcNow));
        // Another practice's email from the same sender is theirs to keep.
        var other = await factory.SignInAsync();
        var theirs = await other.CreateClientAsync("Bia", "Lima", "bia@example.com");
        await HistoryTestData.SaveAsync(other, theirs.Id(), HistoryTestData.Email("<n1@example.com>", "news@newsletter.example", DateTime.UtcNow));

        var entry = await AddAsync(admin, "newsletter.example");
        Assert.Equal(2, entry["savedEmails"]!.GetValue<int>());
        Assert.Equal(3, (await HistoryTestData.HistoryAsync(admin, client.Id()))["items"]!.AsArray().Count(i => i!["kind"]!.GetValue<string>() == "saved-email"));

        var removed = await Json.ReadAsync(await admin.Http.DeleteAsync($"/api/never-track/{entry.Id()}/saved-emails"), 200);
        Assert.Equal(2, removed["removed"]!.GetValue<int>());
        Assert.Equal(0, (await ListAsync(admin)).Single()["savedEmails"]!.GetValue<int>());
        Assert.Single((await HistoryTestData.HistoryAsync(admin, client.Id()))["items"]!.AsArray(), i => i!["kind"]!.GetValue<string>() == "saved-email");
        Assert.Single((await HistoryTestData.HistoryAsync(other, theirs.Id()))["items"]!.AsArray(), i => i!["kind"]!.GetValue<string>() == "saved-email");
        var audited = Assert.Single(await AuditTrailTests.AuditAsync(admin, "?action=never-track.remove-saved-emails"));
        Assert.Equal((entry.Str("id"), "success"), (audited.Str("objectId"), audited.Str("outcome")));
    }

    [Fact]
    public async Task One_practice_cannot_see_or_remove_anothers_entries()
    {
        var admin = await factory.SignInAsync();
        var entry = await AddAsync(admin, "lab.example");
        var other = await factory.SignInAsync();

        Assert.Empty(await ListAsync(other));
        Assert.Equal(["unknown"], await StatusesAsync(other, "results@lab.example"));
        await Json.ProblemAsync(await other.Http.DeleteAsync($"/api/never-track/{entry.Id()}"), 404, "not-found");
        await Json.ProblemAsync(await other.Http.DeleteAsync($"/api/never-track/{entry.Id()}/saved-emails"), 404, "not-found");
        Assert.Single(await ListAsync(admin));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/never-track/{entry.Id()}")).StatusCode);
        Assert.Equal(["unknown"], await StatusesAsync(admin, "results@lab.example"));
        Assert.Equal(["never-track.add", "never-track.remove"],
            (await AuditTrailTests.AuditAsync(admin, "?action=never-track.add")).Concat(await AuditTrailTests.AuditAsync(admin, "?action=never-track.remove"))
                .Where(a => a.Str("outcome") == "success").Select(a => a.Str("action")));
    }

    static async Task<JsonObject> AddAsync(TenantSession admin, string value) =>
        await Json.ReadAsync(await admin.PostJsonAsync("/api/never-track", new { value }), 201);

    static async Task<List<JsonObject>> ListAsync(TenantSession admin) =>
        (await Json.ReadAsync(await admin.Http.GetAsync("/api/never-track"), 200))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();

    internal static async Task<List<string>> StatusesAsync(TenantSession session, params string[] addresses) =>
        (await Json.ReadAsync(await session.PostJsonAsync("/api/suggestions", new { participants = addresses.Select(address => new { address, displayName = "X" }) }), 200))
            ["results"]!.AsArray().Select(r => r.Str("status")).ToList();
}
