using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.History.HistoryTestData;

namespace OutlookCrm.Service.Tests.Clients;

public class ExportAndErasureTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Export_holds_the_record_addresses_fields_saved_emails_and_events()
    {
        var admin = await factory.SignInAsync();
        var client = await admin.CreateClientAsync("Eva", "Nunes", "eva@example.com");
        await admin.PostJsonAsync($"/api/clients/{client.Id()}/emails", new { address = "eva.home@example.org", @as = "secondary" });
        await SaveAsync(admin, client.Id(), Email("<export@x.example.com>", "eva@example.com", DateTime.UtcNow.AddDays(-1), "Intake questions"));
        await Json.ReadAsync(await admin.PostJsonAsync($"/api/clients/{client.Id()}/intakes", new { }), 201);

        var response = await admin.Http.GetAsync($"/api/clients/{client.Id()}/export");
        var export = await Json.ReadAsync(response, 200);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal("eva@example.com", export["client"]!.Str("email"));
        Assert.Equal(2, export["client"]!["emails"]!.AsArray().Count);
        Assert.Equal("Intake questions", export["savedEmails"]![0].Str("subject"));
        Assert.Equal(["created", "addressLinked", "intakeSent"], export["events"]!.AsArray().Select(e => e!["event"]!.Str("type")).ToArray());
        Assert.Equal("sent", export["intakes"]![0].Str("status"));
    }

    [Fact]
    public async Task Erasure_removes_everything_but_the_audit_tombstone()
    {
        var admin = await factory.SignInAsync();
        var client = await admin.CreateClientAsync("Gone", "Soon", "gone.soon@example.com", new { phone = "+55 11 0000-0000" });
        var id = client.Id();
        await admin.PostJsonAsync($"/api/clients/{id}/emails", new { address = "gone.home@example.org", @as = "secondary" });
        await SaveAsync(admin, id, Email("<gone@x.example.com>", "gone.soon@example.com", DateTime.UtcNow, "Private subject"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/clients/{id}")).StatusCode);

        await Json.ProblemAsync(await admin.Http.GetAsync($"/api/clients/{id}"), 404, "not-found");
        await Json.ProblemAsync(await admin.Http.GetAsync($"/api/clients/{id}/history"), 404, "not-found");
        Assert.Empty((await admin.LookupAsync("gone.home@example.org"))["results"]![0]!["matches"]!.AsArray());
        Assert.Empty((await Json.ReadAsync(await admin.Http.GetAsync("/api/clients?search=gone"), 200))["items"]!.AsArray());

        // What the API no longer shows must be gone from the tables too, whatever the workspace.
        using (var request = await RequestScope.ForAsync(factory, admin))
        {
            var db = request.Db;
            Assert.Equal(
                (0, 0, 0, 0, 0, 0),
                (await db.Clients.IgnoreQueryFilters().CountAsync(c => c.Id == id),
                 await db.FieldValues.IgnoreQueryFilters().CountAsync(v => v.ClientId == id),
                 await db.ClientSearchTerms.IgnoreQueryFilters().CountAsync(t => t.ClientId == id),
                 await db.SavedEmails.IgnoreQueryFilters().CountAsync(e => e.ClientId == id),
                 await db.ClientEvents.IgnoreQueryFilters().CountAsync(e => e.ClientId == id),
                 await db.IdempotencyRecords.IgnoreQueryFilters().CountAsync(r => r.ResponseBody.Contains("gone.soon"))));
        }

        var audit = await Audit.AuditTrailTests.AuditAsync(admin, $"?clientId={id}");
        Assert.Contains(audit, a => a.Str("action") == "client.erase" && a.Str("outcome") == "success");
        Assert.Contains(audit, a => a.Str("action") == "client.create");
        Assert.DoesNotContain(audit, a => a.ToJsonString().Contains("gone.soon", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Export_and_erasure_of_another_tenants_client_are_not_found()
    {
        var owner = await factory.SignInAsync();
        var intruderAdmin = await factory.SignInAsync();
        var client = await owner.CreateClientAsync("Kept", "Safe");
        await Json.ProblemAsync(await intruderAdmin.Http.GetAsync($"/api/clients/{client.Id()}/export"), 404, "not-found");
        await Json.ProblemAsync(await intruderAdmin.Http.DeleteAsync($"/api/clients/{client.Id()}"), 404, "not-found");
        Assert.Equal("Kept", (await owner.GetClientAsync(client.Id())).Str("firstName"));
    }
}
