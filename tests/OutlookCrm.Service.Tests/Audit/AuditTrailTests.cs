using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Audit;

public class AuditTrailTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Every_read_and_change_of_client_data_is_audited_with_its_object()
    {
        var admin = await factory.SignInAsync();
        var client = await admin.CreateClientAsync("Ana", "Souza", "ana@example.com");
        var id = client.Id();
        await admin.GetClientAsync(id);
        await admin.Http.GetAsync("/api/clients?search=ana");
        await admin.LookupAsync("ana@example.com");
        await admin.PostJsonAsync($"/api/clients/{id}/emails", new { address = "ana.2@example.com", @as = "secondary" });
        await admin.Http.DeleteAsync($"/api/clients/{id}/emails/ana.2@example.com");
        await admin.Http.GetAsync($"/api/clients/{id}/history");
        await admin.Http.GetAsync($"/api/clients/{id}/export");

        var entries = await AuditAsync(admin, $"?clientId={id}");
        var actions = entries.Select(e => e.Str("action")).Reverse().ToArray();
        // The list and the lookup showed Ana among their results: they answer "who saw Ana" too.
        Assert.Equal(["client.create", "client.read", "client.list", "lookup", "email.link", "email.unlink", "history.read", "client.export"], actions);
        Assert.Equal([id.ToString()], entries.Single(e => e.Str("action") == "lookup")["revealedClients"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.All(entries, e =>
        {
            Assert.Equal("success", e.Str("outcome"));
            Assert.Equal(admin.UserId.ToString(), e.Str("userId"));
            Assert.Equal(32, e.Str("correlationId").Length);
        });
        var all = (await AuditAsync(admin, "")).Select(e => e.Str("action")).ToList();
        Assert.Contains("client.list", all);
        Assert.Contains("lookup", all);
    }

    [Fact]
    public async Task Refused_attempts_are_audited_and_refused_changes_leave_no_success_record()
    {
        var admin = await factory.SignInAsync();
        var owner = await factory.SignInAsync();
        var foreign = await owner.CreateClientAsync("Not", "Yours");
        await admin.CreateClientAsync("Bia", "Reis", "bia@example.com");

        await admin.Http.GetAsync($"/api/clients/{foreign.Id()}");
        await admin.PostJsonAsync("/api/clients", new { firstName = "Dup", email = "bia@example.com" });

        var entries = await AuditAsync(admin, "");
        Assert.Contains(entries, e => e.Str("action") == "client.read" && e.Str("objectId") == foreign.Str("id") && e.Str("outcome") == "not-found");
        var creates = entries.Where(e => e.Str("action") == "client.create").Select(e => e.Str("outcome")).ToList();
        Assert.Equal(["email-in-use", "success"], creates);
    }

    [Fact]
    public async Task A_kept_refusal_is_audited_as_the_refusal_and_its_retry_as_a_replay_of_it()
    {
        var admin = await factory.SignInAsync();
        await admin.CreateClientAsync("Bia", "Reis", "bia.kept@example.com");
        foreach (var _ in new[] { 1, 2 })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/clients") { Content = JsonContent.Create(new { firstName = "Dup", email = "bia.kept@example.com" }) };
            request.Headers.Add("Idempotency-Key", "pane-retry-1");
            await Json.ProblemAsync(await admin.Http.SendAsync(request), 409, "email-in-use");
        }

        var creates = (await AuditAsync(admin, "?action=client.create")).Select(e => $"{e.Str("outcome")}{(e["replay"]!.GetValue<bool>() ? " (replay)" : "")}").Reverse();
        Assert.Equal(["success", "email-in-use", "email-in-use (replay)"], creates);
    }

    [Fact]
    public async Task Every_audited_call_has_exactly_one_record_whether_it_changed_something_or_not()
    {
        var admin = await factory.SignInAsync();
        var client = await admin.CreateClientAsync("Caio", "Lima", "caio@example.com");
        var id = client.Id();
        var etag = client.Str("version");
        var unchanged = new HttpRequestMessage(HttpMethod.Patch, $"/api/clients/{id}") { Content = JsonContent.Create(new { firstName = "Caio" }) };
        unchanged.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.SendAsync(unchanged)).StatusCode);
        await Json.ReadAsync(await admin.PostJsonAsync($"/api/clients/{id}/emails", new { address = "caio@example.com", @as = "primary" }), 200);
        await Json.ProblemAsync(await admin.PostJsonAsync($"/api/clients/{id}/emails", new { address = "not an address", @as = "primary" }), 400, "validation-failed");

        var entries = await AuditAsync(admin, $"?clientId={id}");
        Assert.Equal(["client.create:success", "client.update:success", "email.link:success", "email.link:validation-failed"],
            entries.Select(e => $"{e.Str("action")}:{e.Str("outcome")}").Reverse());
        Assert.Equal(entries.Count, entries.Select(e => e.Str("correlationId")).Distinct().Count());
    }

    [Fact]
    public async Task A_lookup_names_the_clients_it_revealed_and_only_those()
    {
        var admin = await factory.SignInAsync();
        var ana = await admin.CreateClientAsync("Ana", "Reveal", "ana.reveal@example.com");
        var bruno = await admin.CreateClientAsync("Bruno", "Hidden", "bruno.hidden@example.com");
        await admin.LookupAsync("ana.reveal@example.com", "nobody@example.com");

        var lookup = (await AuditAsync(admin, "?action=lookup")).Single();
        Assert.Equal([ana.Str("id")], lookup["revealedClients"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains(await AuditAsync(admin, $"?clientId={ana.Id()}"), e => e.Str("action") == "lookup");
        Assert.DoesNotContain(await AuditAsync(admin, $"?clientId={bruno.Id()}"), e => e.Str("action") == "lookup");
    }

    [Fact]
    public async Task Calls_without_a_valid_token_are_audited_as_denied()
    {
        // A denied call has no workspace: only the unfiltered trail shows it.
        async Task<int> DeniedAsync()
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditRecords.IgnoreQueryFilters()
                .CountAsync(a => a.WorkspaceId == null && a.Action == "denied" && a.Outcome == "unauthorized");
        }
        var before = await DeniedAsync();
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me")).StatusCode);
        Assert.Equal(before + 1, await DeniedAsync());
    }

    [Fact]
    public async Task The_trail_cannot_be_changed_through_the_api_or_the_database()
    {
        var admin = await factory.SignInAsync();
        await admin.CreateClientAsync(email: "kept.on.record@example.com");
        await admin.LookupAsync("kept.on.record@example.com"); // a record naming the client it revealed
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.Http.DeleteAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.Http.PutAsJsonAsync("/api/audit", new { })).StatusCode);

        // Raw SQL past the service's code: the database's own triggers refuse it, on either provider.
        using var request = await RequestScope.ForAsync(factory, admin);
        foreach (var sql in new[]
        {
            "UPDATE AuditRecords SET Outcome = 'forged'", "UPDATE AuditRecords SET RevealedClients = NULL", "DELETE FROM AuditRecords",
        })
        {
            var error = await Assert.ThrowsAnyAsync<DbException>(() => request.Db.Database.ExecuteSqlRawAsync(sql));
            Assert.Contains("append-only", error.Message);
        }
    }

    [Fact]
    public async Task Only_admins_read_the_trail_and_only_their_own_workspace()
    {
        var tenant = Guid.NewGuid();
        var admin = await factory.SignInAsync(tenant);
        await admin.Http.GetAsync("/api/me"); // the workspace's first user: its admin in Development
        var staff = await factory.SignInAsync(tenant);
        var otherAdmin = await factory.SignInAsync();
        var client = await staff.CreateClientAsync("Staff", "Made");

        await Json.ProblemAsync(await staff.Http.GetAsync("/api/audit"), 403, "admin-required");
        Assert.Contains(await AuditAsync(admin, $"?userId={staff.UserId}"), e => e.Str("action") == "audit.read" && e.Str("outcome") == "admin-required");
        Assert.Empty(await AuditAsync(otherAdmin, $"?clientId={client.Id()}"));
    }

    [Fact]
    public async Task The_trail_pages_and_filters()
    {
        var admin = await factory.SignInAsync();
        for (var i = 0; i < 5; i++) await admin.CreateClientAsync($"P{i}", "Paged");
        var first = await Json.ReadAsync(await admin.Http.GetAsync("/api/audit?action=client.create&limit=2"), 200);
        Assert.Equal(2, first["items"]!.AsArray().Count);
        var second = await Json.ReadAsync(await admin.Http.GetAsync($"/api/audit?action=client.create&limit=2&cursor={first.Str("nextCursor")}"), 200);
        Assert.True(second["items"]![0]!["sequence"]!.GetValue<long>() < first["items"]![1]!["sequence"]!.GetValue<long>());
        var future = await Json.ReadAsync(await admin.Http.GetAsync($"/api/audit?from={DateTime.UtcNow.AddHours(1):O}"), 200);
        Assert.Empty(future["items"]!.AsArray());
        await Json.ProblemAsync(await admin.Http.GetAsync("/api/audit?cursor=abc"), 400, "invalid-cursor");
        // Sealed and bound to the question: a cursor of another filter, or of another workspace, is refused.
        await Json.ProblemAsync(await admin.Http.GetAsync($"/api/audit?action=client.read&limit=2&cursor={first.Str("nextCursor")}"), 400, "invalid-cursor");
        var otherAdmin = await factory.SignInAsync();
        await Json.ProblemAsync(await otherAdmin.Http.GetAsync($"/api/audit?action=client.create&limit=2&cursor={first.Str("nextCursor")}"), 400, "invalid-cursor");
        await Json.ProblemAsync(await admin.Http.GetAsync("/api/audit?limit=0"), 400, "validation-failed");
    }

    internal static async Task<List<JsonObject>> AuditAsync(TenantSession session, string query) =>
        (await Json.ReadAsync(await session.Http.GetAsync($"/api/audit{query}{(query.Length == 0 ? "?" : "&")}limit=200"), 200))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
}
