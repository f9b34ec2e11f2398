using System.Net;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.History.HistoryTestData;

namespace OutlookCrm.Service.Tests.History;

/// <summary>History without a mailbox (Development): saved emails and record events.</summary>
public class HistoryTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Record_events_tell_what_happened_to_the_record()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Ana", "Souza", "ana@example.com");
        await Json.ReadAsync(await session.PostJsonAsync($"/api/clients/{client.Id()}/emails", new { address = "ana.home@example.org", @as = "secondary" }), 200);
        await Json.ReadAsync(await session.Http.DeleteAsync($"/api/clients/{client.Id()}/emails/ana.home@example.org"), 200);
        var field = await DefineFieldAsync(session, "Referral");
        await Json.ReadAsync(await SetFieldAsync(session, client.Id(), field, "Dr. Lima"), 200);
        await Json.ReadAsync(await SetFieldAsync(session, client.Id(), field, "Dr. Reis"), 200);

        var history = await HistoryAsync(session, client.Id());
        Assert.Equal("not-connected", history["sources"]!.Str("mailbox"));
        var events = history["items"]!.AsArray().Select(i => i!["event"]!).ToList();
        Assert.Equal(["fieldChanged", "fieldAdded", "addressUnlinked", "addressLinked", "created"], events.Select(e => e.Str("type")).ToArray());
        Assert.Equal("ana.home@example.org", events[3].Str("address"));
        Assert.Equal("Secondary email", events[3].Str("label"));
        Assert.Equal("Referral", events[0].Str("label"));
        Assert.All(events, e => Assert.Equal(session.UserId.ToString(), e.Str("actorId")));
    }

    [Fact]
    public async Task History_names_the_team_member_behind_each_change_and_saved_email()
    {
        var ana = await factory.SignInAsync(name: "Ana Practitioner");
        var bruno = await factory.SignInAsync(ana.TenantId, name: "Bruno Front Desk");
        var client = await ana.CreateClientAsync("Carla", "Dias", "carla@example.com");
        await SaveAsync(bruno, client.Id(), Email("<named@mail.example.com>", "carla@example.com", DateTime.UtcNow.AddDays(-1), "Hello"), 201);

        var items = (await HistoryAsync(bruno, client.Id()))["items"]!.AsArray();
        Assert.Equal("Ana Practitioner", items.Single(i => i!.Str("kind") == "event")!.Str("actorName"));
        Assert.Equal("Bruno Front Desk", items.Single(i => i!.Str("kind") == "saved-email")!.Str("actorName"));
    }

    [Fact]
    public async Task Saved_emails_appear_once_and_can_be_unsaved()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Bia", "Reis", "bia@example.com");
        var email = Email("<m1@mail.example.com>", "bia@example.com", DateTime.UtcNow.AddDays(-1), "Rescheduling");

        var saved = await SaveAsync(session, client.Id(), email, 201);
        var again = await SaveAsync(session, client.Id(), email, 200);
        Assert.Equal(saved.Id(), again.Id());

        var item = (await HistoryAsync(session, client.Id()))["items"]!.AsArray().Single(i => i!.Str("kind") == "saved-email")!;
        Assert.Equal("team", item.Str("source"));
        Assert.Equal("Rescheduling", item.Str("subject"));
        Assert.Equal("bia@example.com", item["from"]!.Str("address"));
        Assert.Equal("Short preview", item.Str("preview"));

        // The pane asks whether the open message is on the record.
        var found = await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/saved-emails?internetMessageId={Uri.EscapeDataString("<m1@mail.example.com>")}"), 200);
        Assert.Equal(saved.Id(), found["items"]!.AsArray().Single()!.AsObject().Id());
        var other = await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/saved-emails?internetMessageId={Uri.EscapeDataString("<M1@mail.example.com>")}"), 200);
        Assert.Empty(other["items"]!.AsArray());
        await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/saved-emails"), 400, "validation-failed");
        await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients/{Guid.NewGuid()}/saved-emails?internetMessageId=x"), 404, "not-found");

        Assert.Equal(HttpStatusCode.NoContent, (await session.Http.DeleteAsync($"/api/clients/{client.Id()}/saved-emails/{saved.Id()}")).StatusCode);
        Assert.DoesNotContain((await HistoryAsync(session, client.Id()))["items"]!.AsArray(), i => i!.Str("kind") == "saved-email");
        Assert.Empty((await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/saved-emails?internetMessageId=%3Cm1%40mail.example.com%3E"), 200))["items"]!.AsArray());
        await Json.ProblemAsync(await session.Http.DeleteAsync($"/api/clients/{client.Id()}/saved-emails/{saved.Id()}"), 404, "not-found");
    }

    [Fact]
    public async Task A_preview_is_kept_short_and_plain()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Caio", "Lima");
        await Json.ProblemAsync(await session.PostJsonAsync($"/api/clients/{client.Id()}/saved-emails",
            Email("<long@x.example.com>", "caio@example.com", DateTime.UtcNow, preview: new string('x', 301))), 400, "validation-failed");

        await SaveAsync(session, client.Id(), Email("<multi@x.example.com>", "caio@example.com", DateTime.UtcNow, "<b>Hi</b>", "line one\r\n\tline\u0007 two"));
        var item = (await HistoryAsync(session, client.Id()))["items"]![0]!;
        Assert.Equal("line one line two", item.Str("preview"));
        Assert.Equal("<b>Hi</b>", item.Str("subject")); // stored as text; the pane renders it as text
    }

    [Theory]
    [InlineData("""{"from":{"address":"a@example.com"},"sentAt":"2026-01-01T10:00:00Z"}""", "internetMessageId")]
    [InlineData("""{"internetMessageId":"<a@b>","sentAt":"2026-01-01T10:00:00Z"}""", "from")]
    [InlineData("""{"internetMessageId":"<a@b>","from":{"address":"nope"},"sentAt":"2026-01-01T10:00:00Z"}""", "from")]
    [InlineData("""{"internetMessageId":"<a@b>","from":{"address":"a@example.com"}}""", "sentAt")]
    public async Task Invalid_saves_are_refused(string body, string property)
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync();
        var problem = await Json.ProblemAsync(await session.SendRawAsync(HttpMethod.Post, $"/api/clients/{client.Id()}/saved-emails", body), 400, "validation-failed");
        Assert.NotNull(problem["errors"]![property]);
    }

    [Fact]
    public async Task Recipients_that_are_not_addresses_are_left_out_of_the_saved_email()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Ivo", "Nunes", "ivo@example.com");
        var email = new
        {
            internetMessageId = "<x500@x.example.com>", subject = "Group mail", sentAt = DateTime.UtcNow,
            from = new { name = "Ivo", address = "ivo@example.com" },
            to = new object[] { new { name = "Clinic", address = "clinic@example.com" }, new { name = "Team", address = "/O=EXCHANGELABS/OU=X/CN=RECIPIENTS/CN=TEAM" } },
        };
        await SaveAsync(session, client.Id(), email);
        var item = (await HistoryAsync(session, client.Id()))["items"]!.AsArray().Single(i => i!.Str("kind") == "saved-email")!;
        Assert.Equal(["clinic@example.com"], item["to"]!.AsArray().Select(t => t.Str("address")).ToArray());
    }

    [Fact]
    public async Task Paging_loses_and_repeats_nothing_while_new_items_arrive()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Dora", "Melo", "dora@example.com");
        var field = await DefineFieldAsync(session, "Notes");
        for (var i = 0; i < 6; i++)
            await SaveAsync(session, client.Id(), Email($"<p{i}@x.example.com>", "dora@example.com", DateTime.UtcNow.AddDays(-10 + i)));
        for (var i = 0; i < 5; i++) await SetFieldAsync(session, client.Id(), field, $"value {i}");
        var before = (await AllPagesAsync(session, client.Id(), 100)).Select(i => i.Str("id")).ToList();
        Assert.Equal(12, before.Count);

        var extra = 0;
        var paged = await AllPagesAsync(session, client.Id(), 3, async () => await SetFieldAsync(session, client.Id(), field, $"while paging {extra++}"));

        var ids = paged.Select(i => i.Str("id")).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Empty(before.Except(ids));
        var times = paged.Select(i => DateTime.Parse(i.Str("occurredAt"))).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task Bad_limits_and_forged_cursors_are_refused()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync();
        await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/history?limit=0"), 400, "validation-failed");
        await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/history?limit=many"), 400, "validation-failed");
        await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/history?limit=5000"), 200); // clamped to 100
        await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/history?cursor=abc"), 400, "invalid-cursor");

        // A cursor from another client's history is refused.
        var other = await session.CreateClientAsync("Other", "Client");
        var field = await DefineFieldAsync(session, "Cursor field");
        await SetFieldAsync(session, other.Id(), field, "x");
        var page = await HistoryAsync(session, other.Id(), "?limit=1");
        await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/history?cursor={page.Str("nextCursor")}"), 400, "invalid-cursor");
    }

    [Fact]
    public async Task History_and_saved_emails_of_another_tenant_are_not_found()
    {
        var owner = await factory.SignInAsync();
        var intruder = await factory.SignInAsync();
        var client = await owner.CreateClientAsync("Private", "History", "private.history@example.com");
        var saved = await SaveAsync(owner, client.Id(), Email("<secret@x.example.com>", "private.history@example.com", DateTime.UtcNow));

        await Json.ProblemAsync(await intruder.Http.GetAsync($"/api/clients/{client.Id()}/history"), 404, "not-found");
        await Json.ProblemAsync(await intruder.PostJsonAsync($"/api/clients/{client.Id()}/saved-emails", Email("<x@y.example.com>", "a@example.com", DateTime.UtcNow)), 404, "not-found");
        await Json.ProblemAsync(await intruder.Http.DeleteAsync($"/api/clients/{client.Id()}/saved-emails/{saved.Id()}"), 404, "not-found");
        await Json.ProblemAsync(await intruder.Http.GetAsync($"/api/clients/{client.Id()}/saved-emails?internetMessageId=%3Csecret%40x.example.com%3E"), 404, "not-found");
        Assert.Contains((await HistoryAsync(owner, client.Id()))["items"]!.AsArray(), i => i!.Str("kind") == "saved-email");
    }
}
