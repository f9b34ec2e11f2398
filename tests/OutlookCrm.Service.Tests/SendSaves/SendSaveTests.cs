using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OutlookCrm.Service.Tests.Attachments;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.Attachments.AttachmentTestData;
using static OutlookCrm.Service.Tests.History.HistoryTestData;

namespace OutlookCrm.Service.Tests.SendSaves;

/// <summary>The attachments' fake Graph with Sent Items, and a clock the tests move (expiry).</summary>
public sealed class SendSaveServiceFactory : AttachmentServiceFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>These tests are about the pane's resolve: the background one (SendSaveBackgroundTests) stays off.</summary>
    public SendSaveServiceFactory() => Settings["SendSaves:BackgroundResolve"] = "false";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

/// <summary>
/// Save on send through the real pipeline: the pane's choice (PUT), the send event's report (/sent)
/// and the resolve that finds the sent message in Sent Items (fake Graph) and saves it with the
/// ordinary save path, exactly once per client.
/// </summary>
public class SendSaveTests(SendSaveServiceFactory factory) : IClassFixture<SendSaveServiceFactory>
{
    internal static string NewKey() => Guid.NewGuid().ToString("N");

    internal static Task<HttpResponseMessage> ChooseAsync(TenantSession session, string key, params Guid[] clientIds) =>
        session.Http.PutAsJsonAsync($"/api/send-saves/{key}", new { clientIds });

    internal static Task<HttpResponseMessage> ReportSentAsync(TenantSession session, string key, params string[] recipients) =>
        session.PostJsonAsync($"/api/send-saves/{key}/sent", new { recipients });

    internal static async Task<JsonObject> ResolveAsync(TenantSession session) =>
        await Json.ReadAsync(await session.Http.PostAsync("/api/send-saves/resolve", null), 200);

    JsonObject Sent(string to, string key, string subject = "Your next session") =>
        factory.Graph.AddSentMessage(Guid.NewGuid().ToString("N"), "practitioner@example.com", [to], factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), subject, key);

    async Task<(Guid Client, string Address)> ClientAsync(TenantSession session)
    {
        var address = $"client-{Guid.NewGuid():N}@example.com";
        return ((await session.CreateClientAsync("Ana", "Souza", address)).Id(), address);
    }

    internal static async Task<JsonArray> SavedEmailsAsync(TenantSession session, Guid client) =>
        new((await HistoryAsync(session, client))["items"]!.AsArray().Where(i => i!.Str("kind") == "saved-email").Select(i => i!.DeepClone()).ToArray());

    [Fact]
    public async Task A_sent_email_saved_on_send_keeps_its_conversation_so_replies_offer_to_be_saved_too()
    {
        var session = await factory.SignInAsync();
        var (client, address) = await ClientAsync(session);
        var key = NewKey();
        await Json.ReadAsync(await ChooseAsync(session, key, client), 200);
        var conversation = "AAQkSent+" + Guid.NewGuid().ToString("N") + "=";
        Sent(address, key)["conversationId"] = conversation;
        // Graph's id is too long for a saved email: the email is still saved, without one.
        var (other, otherAddress) = await ClientAsync(session);
        var otherKey = NewKey();
        await Json.ReadAsync(await ChooseAsync(session, otherKey, other), 200);
        Sent(otherAddress, otherKey)["conversationId"] = new string('x', 300);

        Assert.Equal(2, (await ResolveAsync(session))["saved"]!.AsArray().Count);
        var saves = await Json.ReadAsync(await session.Http.GetAsync($"/api/conversations/saved?conversationId={Uri.EscapeDataString(conversation)}"), 200);
        Assert.Equal(client, Assert.Single(saves["clients"]!.AsArray())!.AsObject().Id("clientId"));
        Assert.Single(await SavedEmailsAsync(session, other));
    }

    [Fact]
    public async Task A_chosen_email_is_saved_once_sent_with_its_details_and_attachments()
    {
        var session = await factory.SignInAsync();
        var (client, address) = await ClientAsync(session);
        var key = NewKey();

        var chosen = await Json.ReadAsync(await ChooseAsync(session, key, client), 200);
        Assert.Equal("pending", chosen["clients"]![0].Str("state"));
        var reported = await Json.ReadAsync(await ReportSentAsync(session, key, address), 202);
        Assert.Equal(client, reported["clients"]![0]!.AsObject().Id("clientId"));

        var message = Sent(address, key, "Exercises for this week");
        factory.Graph.AddAttachment(message, "exercises.pdf", Bytes(1200));
        var resolved = await ResolveAsync(session);
        var saved = Assert.Single(resolved["saved"]!.AsArray())!;
        Assert.Equal(client, saved.AsObject().Id("clientId"));
        Assert.Equal("ok", resolved.Str("mailbox"));
        Assert.Equal(0, resolved["pending"]!.GetValue<int>());

        var item = Assert.Single(await SavedEmailsAsync(session, client))!;
        Assert.Equal("Exercises for this week", item.Str("subject"));
        Assert.Equal(message.Str("internetMessageId"), item.Str("internetMessageId"));
        Assert.Equal(address, item["to"]![0].Str("address"));
        Assert.Equal("practitioner@example.com", item["from"].Str("address"));
        Assert.Equal("Preview of Exercises for this week", item.Str("preview"));
        Assert.Equal(DateTime.Parse(message.Str("sentDateTime")).ToUniversalTime(), item["occurredAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal("exercises.pdf", Assert.Single(item["attachments"]!.AsArray())!.Str("name"));

        // Resolving again (the next pane) saves nothing twice; the choice is closed.
        Assert.Empty((await ResolveAsync(session))["saved"]!.AsArray());
        Assert.Single(await SavedEmailsAsync(session, client));
        await Json.ProblemAsync(await ChooseAsync(session, key), 409, "send-save-closed");
    }

    [Fact]
    public async Task Without_the_send_event_the_panes_choice_is_still_saved_by_the_next_resolve()
    {
        var session = await factory.SignInAsync();
        var (client, address) = await ClientAsync(session);
        var key = NewKey();
        await Json.ReadAsync(await ChooseAsync(session, key, client), 200);

        // Not sent yet: stays pending, nothing saved.
        var before = await ResolveAsync(session);
        Assert.Equal(1, before["pending"]!.GetValue<int>());
        Assert.Empty(await SavedEmailsAsync(session, client));

        Sent(address, key);
        Assert.Single((await ResolveAsync(session))["saved"]!.AsArray());
        Assert.Single(await SavedEmailsAsync(session, client));
    }

    [Fact]
    public async Task Racing_resolves_save_each_client_exactly_once()
    {
        var session = await factory.SignInAsync();
        var (first, firstAddress) = await ClientAsync(session);
        var (second, _) = await ClientAsync(session);
        var key = NewKey();
        await Json.ReadAsync(await ChooseAsync(session, key, first, second), 200);
        await Json.ReadAsync(await ReportSentAsync(session, key), 202);
        Sent(firstAddress, key);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ResolveAsync(session)));

        Assert.Single(await SavedEmailsAsync(session, first));
        Assert.Single(await SavedEmailsAsync(session, second));
        var savedIds = results.SelectMany(r => r["saved"]!.AsArray()).Select(s => s!.Str("savedEmailId")).Distinct().ToList();
        Assert.Equal(2, savedIds.Count);
    }

    [Fact]
    public async Task Send_reports_racing_each_other_and_resolves_still_save_each_client_once()
    {
        var session = await factory.SignInAsync();
        var (client, address) = await ClientAsync(session);
        await Json.ReadAsync(await session.Http.PutAsJsonAsync("/api/me/save-settings", new { saveToKnownClientsWhenSent = true }), 200);
        var key = NewKey();
        // The message is already in Sent Items, so every resolve in the race can save it.
        Sent(address, key);

        var reports = Enumerable.Range(0, 4).Select(_ => ReportSentAsync(session, key, address)).ToList();
        var resolves = Enumerable.Range(0, 4).Select(_ => ResolveAsync(session)).ToList();
        var answers = await Task.WhenAll(reports);
        await Task.WhenAll(resolves);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        Assert.All(await Task.WhenAll(answers.Select(a => Json.ReadAsync(a, 202))), body => Assert.Equal(client, Assert.Single(body["clients"]!.AsArray())!.AsObject().Id("clientId")));

        await ResolveAsync(session);
        Assert.Single(await SavedEmailsAsync(session, client));
    }

    [Fact]
    public async Task Throttled_sent_items_are_retried_and_an_unavailable_mailbox_loses_nothing()
    {
        var session = await factory.SignInAsync();
        var (client, address) = await ClientAsync(session);
        var key = NewKey();
        await Json.ReadAsync(await ChooseAsync(session, key, client), 200);
        Sent(address, key);

        // Down past every retry: pending, reported as unavailable.
        for (var i = 0; i < 4; i++) factory.Graph.SentItemsFaults.Enqueue(FakeGraphServer.Status(503, "0"));
        var down = await ResolveAsync(session);
        Assert.Equal("unavailable", down.Str("mailbox"));
        Assert.Equal(1, down["pending"]!.GetValue<int>());
        Assert.Empty(await SavedEmailsAsync(session, client));

        // Throttled once: Graph's Retry-After is honoured and the save goes through.
        factory.Graph.SentItemsFaults.Enqueue(FakeGraphServer.Status(429, retryAfter: "0"));
        Assert.Single((await ResolveAsync(session))["saved"]!.AsArray());
        Assert.Single(await SavedEmailsAsync(session, client));
        Assert.Contains(factory.Graph.SentItemsRequests, r => r.Authorization == $"Bearer {GraphServiceFactory.TokenFor(session.UserId)}");
    }

    [Fact]
    public async Task The_default_saves_to_known_clients_among_the_recipients_when_the_pane_left_no_choice()
    {
        var session = await factory.SignInAsync();
        var (client, address) = await ClientAsync(session);
        var family = $"family-{Guid.NewGuid():N}@example.com";
        await session.CreateClientAsync("Joao", "Lima", family);
        await session.CreateClientAsync("Maria", "Lima", family, new { allowSharedEmail = true });

        // Off by default: the event's report finds nothing to save.
        Assert.False((await Json.ReadAsync(await session.Http.GetAsync("/api/me/save-settings"), 200))["saveToKnownClientsWhenSent"]!.GetValue<bool>());
        await Json.ProblemAsync(await ReportSentAsync(session, NewKey(), address), 404, "not-found");

        await Json.ReadAsync(await session.Http.PutAsJsonAsync("/api/me/save-settings", new { saveToKnownClientsWhenSent = true }), 200);
        var key = NewKey();
        var reported = await Json.ReadAsync(await ReportSentAsync(session, key, address.ToUpperInvariant(), family, "stranger@example.com", "not an address"), 202);
        Assert.Equal(client, Assert.Single(reported["clients"]!.AsArray())!.AsObject().Id("clientId"));

        Sent(address, key);
        Assert.Single((await ResolveAsync(session))["saved"]!.AsArray());
        Assert.Single(await SavedEmailsAsync(session, client));
    }

    [Fact]
    public async Task Choices_are_validated()
    {
        var session = await factory.SignInAsync();
        var (client, _) = await ClientAsync(session);
        await Json.ProblemAsync(await ChooseAsync(session, "short", client), 400, "validation-failed");
        await Json.ProblemAsync(await ChooseAsync(session, "has spaces and is long enough", client), 400, "validation-failed");
        await Json.ProblemAsync(await ChooseAsync(session, new string('k', 65), client), 400, "validation-failed");
        await Json.ProblemAsync(await session.Http.PutAsJsonAsync($"/api/send-saves/{NewKey()}", new { }), 400, "validation-failed");
        await Json.ProblemAsync(await ChooseAsync(session, NewKey(), client, client), 400, "validation-failed");
        await Json.ProblemAsync(await ChooseAsync(session, NewKey(), Enumerable.Range(0, 21).Select(_ => Guid.NewGuid()).ToArray()), 400, "validation-failed");
        await Json.ProblemAsync(await ChooseAsync(session, NewKey(), Guid.NewGuid()), 404, "not-found");
        await Json.ProblemAsync(await session.SendRawAsync(HttpMethod.Put, $"/api/send-saves/{NewKey()}", "{\"clientIds\": [\"nope\""), 400, "malformed-json");
        await Json.ProblemAsync(await session.Http.PutAsJsonAsync("/api/me/save-settings", new { }), 400, "validation-failed");
        await Json.ProblemAsync(await ReportSentAsync(session, "bad key!", "a@example.com"), 400, "validation-failed");

        // A choice changes until the send, and an empty list clears it.
        var key = NewKey();
        var (other, _) = await ClientAsync(session);
        await Json.ReadAsync(await ChooseAsync(session, key, client), 200);
        var changed = await Json.ReadAsync(await ChooseAsync(session, key, other), 200);
        Assert.Equal(other, Assert.Single(changed["clients"]!.AsArray())!.AsObject().Id("clientId"));
        Assert.Empty((await Json.ReadAsync(await ChooseAsync(session, key), 200))["clients"]!.AsArray());
    }
}

/// <summary>Expiry moves the clock by days, so it has a service of its own (the other tests' tokens stay valid).</summary>
public class SendSaveExpiryTests(SendSaveServiceFactory factory) : IClassFixture<SendSaveServiceFactory>
{
    [Fact]
    public async Task A_send_never_found_expires_after_seven_days_and_is_reported_once()
    {
        // Signed in before the clock moves: development tokens carry the clock's time.
        var session = await factory.SignInAsync();
        var client = (await session.CreateClientAsync("Ana", "Souza", $"client-{Guid.NewGuid():N}@example.com")).Id();
        var key = SendSaveTests.NewKey();
        await Json.ReadAsync(await SendSaveTests.ChooseAsync(session, key, client), 200);
        await Json.ReadAsync(await SendSaveTests.ReportSentAsync(session, key), 202);

        factory.Clock.Advance(TimeSpan.FromDays(8));
        var resolved = await SendSaveTests.ResolveAsync(session);
        var expired = Assert.Single(resolved["expired"]!.AsArray())!;
        Assert.Equal(key, expired.Str("key"));
        Assert.Equal(0, resolved["pending"]!.GetValue<int>());
        Assert.Empty((await SendSaveTests.ResolveAsync(session))["expired"]!.AsArray());
    }
}

/// <summary>Development without a mailbox: the preview page's Send fills an in-memory Sent Items that resolve reads.</summary>
public class DevelopmentSendSaveTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task The_preview_send_is_saved_by_the_next_resolve_and_only_for_its_sender()
    {
        var session = await factory.SignInAsync();
        var colleague = await factory.SignInAsync(session.TenantId);
        var client = (await session.CreateClientAsync("Ana", "Souza", "ana.dev@example.com")).Id();
        var key = SendSaveTests.NewKey();
        await Json.ReadAsync(await SendSaveTests.ChooseAsync(session, key, client), 200);

        var sent = new { sendKey = key, subject = "Your intake form", to = new[] { new { name = "Ana", address = "ana.dev@example.com" } }, preview = "Hi Ana" };
        await Json.ReadAsync(await colleague.PostJsonAsync("/api/dev/sent-items", sent), 201);
        Assert.Equal(1, (await SendSaveTests.ResolveAsync(session))["pending"]!.GetValue<int>()); // another user's Sent Items

        await Json.ReadAsync(await session.PostJsonAsync("/api/dev/sent-items", sent), 201);
        var resolved = await SendSaveTests.ResolveAsync(session);
        Assert.Equal("Your intake form", Assert.Single(resolved["saved"]!.AsArray())!.Str("subject"));
        await Json.ProblemAsync(await session.PostJsonAsync("/api/dev/sent-items", new { sendKey = "bad key" }), 400, "validation-failed");
    }
}
