using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using System.Text.Json.Nodes;
using OutlookCrm.Service.Tests.Attachments;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.SendSaves.SendSaveTests;

namespace OutlookCrm.Service.Tests.SendSaves;

/// <summary>The background resolve's waits in milliseconds, so a test sees every attempt quickly.</summary>
static class BackgroundDelays
{
    public static void Apply(Dictionary<string, string?> settings, params string[] delays)
    {
        for (var i = 0; i < delays.Length; i++) settings[$"SendSaves:BackgroundDelays:{i}"] = delays[i];
    }

    public static readonly string[] Fast = ["00:00:00.010", "00:00:00.200", "00:00:00.500", "00:00:01"];

    /// <summary>Polls until <paramref name="done"/> holds (no wall-clock assertion: the timeout is only a guard against hanging).</summary>
    public static async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await done())
        {
            if (guard.IsCancellationRequested) throw new TimeoutException($"Still waiting for: {what}");
            await Task.Delay(25);
        }
    }
}

public sealed class BackgroundSendSaveFactory : AttachmentServiceFactory
{
    public BackgroundSendSaveFactory() => BackgroundDelays.Apply(Settings, BackgroundDelays.Fast);

    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

/// <summary>
/// Save on send without the pane: the send event's report (<c>/sent</c>) starts a background resolve as
/// the sender (a long-running on-behalf-of session in the fake Entra), which saves the email to each
/// chosen client once it reaches Sent Items, with no <c>/resolve</c> call.
/// </summary>
public class SendSaveBackgroundTests(BackgroundSendSaveFactory factory) : IClassFixture<BackgroundSendSaveFactory>
{
    async Task<(Guid Client, string Address)> ClientAsync(TenantSession session, string first = "Ana")
    {
        var address = $"client-{Guid.NewGuid():N}@example.com";
        return ((await session.CreateClientAsync(first, "Souza", address)).Id(), address);
    }

    JsonObject Sent(string[] to, string key, string subject = "Your next session") =>
        factory.Graph.AddSentMessage(Guid.NewGuid().ToString("N"), "practitioner@example.com", to, DateTime.UtcNow.AddSeconds(5), subject, key);

    int SentItemsReadsBy(TenantSession session) =>
        factory.Graph.SentItemsRequests.Count(r => r.Authorization == $"Bearer {GraphServiceFactory.TokenFor(session.UserId)}");

    static Task SavedAsync(TenantSession session, Guid client) =>
        BackgroundDelays.UntilAsync(async () => (await SavedEmailsAsync(session, client)).Count > 0, "the email in the client's history");

    [Fact]
    public async Task A_reported_send_is_saved_to_each_chosen_client_once_without_the_pane_and_audited_as_the_sender()
    {
        var session = await factory.SignInAsync();
        var (ana, anaAddress) = await ClientAsync(session);
        var (bia, biaAddress) = await ClientAsync(session, "Bia");
        var key = NewKey();
        await Json.ReadAsync(await ChooseAsync(session, key, ana, bia), 200);
        var message = Sent([anaAddress, biaAddress], key, "Exercises for this week");
        factory.Graph.AddAttachment(message, "exercises.pdf", AttachmentTestData.Bytes(1200));

        await Json.ReadAsync(await ReportSentAsync(session, key, anaAddress, biaAddress), 202);
        await SavedAsync(session, ana);
        await SavedAsync(session, bia);

        foreach (var client in new[] { ana, bia })
        {
            var item = Assert.Single(await SavedEmailsAsync(session, client))!;
            Assert.Equal("Exercises for this week", item.Str("subject"));
            Assert.Equal(message.Str("internetMessageId"), item.Str("internetMessageId"));
        }
        // The pane opening later finds nothing left to do, and saves nothing twice.
        var resolved = await ResolveAsync(session);
        Assert.Empty(resolved["saved"]!.AsArray());
        Assert.Equal(0, resolved["pending"]!.GetValue<int>());
        foreach (var client in new[] { ana, bia }) Assert.Single(await SavedEmailsAsync(session, client));

        // Graph was read with the sender's own token, through the session; the audit names the sender and the background path.
        Assert.True(SentItemsReadsBy(session) >= 1);
        Assert.Contains(factory.Sessions, s => s.Value == session.UserId);
        var audit = (await Json.ReadAsync(await session.Http.GetAsync("/api/audit?action=send-save.resolve-background"), 200))["items"]!.AsArray();
        Assert.NotEmpty(audit);
        Assert.All(audit, entry => Assert.Equal(session.UserId, entry!.AsObject().Id("userId")));
        // The session key is held, never written down.
        Assert.All(factory.Sessions.Keys, sessionKey => Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(sessionKey)));
    }

    [Fact]
    public async Task A_mailbox_that_cannot_be_read_leaves_the_send_pending_for_the_panes_resolve()
    {
        var session = await factory.SignInAsync();
        var (client, address) = await ClientAsync(session);
        var key = NewKey();
        await Json.ReadAsync(await ChooseAsync(session, key, client), 200);
        Sent([address], key);
        var attempts = BackgroundDelays.Fast.Length;
        for (var i = 0; i < attempts; i++) factory.Graph.SentItemsFaults.Enqueue(FakeGraphServer.ConsentError);

        await Json.ReadAsync(await ReportSentAsync(session, key, address), 202);
        await BackgroundDelays.UntilAsync(() => Task.FromResult(factory.Graph.SentItemsFaults.IsEmpty && SentItemsReadsBy(session) >= attempts), "every background attempt");
        Assert.Empty(await SavedEmailsAsync(session, client));

        var resolved = await ResolveAsync(session); // the pane opens
        Assert.Equal(client, Assert.Single(resolved["saved"]!.AsArray())!.AsObject().Id("clientId"));
        Assert.Single(await SavedEmailsAsync(session, client));
    }

    [Fact]
    public async Task A_message_that_reaches_sent_items_only_after_the_first_attempt_is_saved_by_a_later_one()
    {
        var session = await factory.SignInAsync();
        var (client, address) = await ClientAsync(session);
        var key = NewKey();
        await Json.ReadAsync(await ChooseAsync(session, key, client), 200);
        Sent([address], key);
        // The first read finds Sent Items without it yet (the copy appears some seconds after the send).
        factory.Graph.SentItemsFaults.Enqueue(async http =>
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("""{"value":[]}""");
        });

        await Json.ReadAsync(await ReportSentAsync(session, key, address), 202);
        await SavedAsync(session, client);
        Assert.Single(await SavedEmailsAsync(session, client));
        Assert.True(SentItemsReadsBy(session) >= 2);
    }

    [Fact]
    public async Task Sent_items_down_on_one_attempt_is_tried_again_on_the_next()
    {
        var session = await factory.SignInAsync();
        var (client, address) = await ClientAsync(session);
        var key = NewKey();
        await Json.ReadAsync(await ChooseAsync(session, key, client), 200);
        Sent([address], key);
        for (var i = 0; i < 4; i++) factory.Graph.SentItemsFaults.Enqueue(FakeGraphServer.Status(503, "0")); // past the read's own retries

        await Json.ReadAsync(await ReportSentAsync(session, key, address), 202);
        await SavedAsync(session, client);
        Assert.Single(await SavedEmailsAsync(session, client));
        Assert.Empty(factory.Graph.SentItemsFaults);
    }

    [Fact]
    public async Task Another_tenants_send_with_the_same_key_leaves_this_tenants_choice_alone()
    {
        var owner = await factory.SignInAsync();
        var (ownersClient, ownersAddress) = await ClientAsync(owner);
        var other = await factory.SignInAsync();
        var (othersClient, othersAddress) = await ClientAsync(other);
        var key = NewKey();
        await Json.ReadAsync(await ChooseAsync(owner, key, ownersClient), 200);
        await Json.ReadAsync(await ChooseAsync(other, key, othersClient), 200);
        Sent([othersAddress, ownersAddress], key);

        await Json.ReadAsync(await ReportSentAsync(other, key, othersAddress), 202);
        await SavedAsync(other, othersClient);

        Assert.Empty(await SavedEmailsAsync(owner, ownersClient));
        // Still open: the owner's choice can still change (a sent or closed one answers 409).
        var again = await Json.ReadAsync(await ChooseAsync(owner, key, ownersClient), 200);
        Assert.Equal("pending", again["clients"]![0].Str("state"));
        Assert.DoesNotContain(factory.Graph.SentItemsRequests, r => r.Authorization == $"Bearer {GraphServiceFactory.TokenFor(owner.UserId)}");
    }
}

/// <summary>A restart forgets the background work (it is in memory): the send stays pending and the pane's resolve saves it.</summary>
public class SendSaveBackgroundRestartTests
{
    sealed class Instance : AttachmentServiceFactory
    {
        public Instance(string dataDirectory, params string[] delays)
        {
            Settings["Database:DataDirectory"] = dataDirectory;
            BackgroundDelays.Apply(Settings, delays);
        }
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task After_a_restart_the_send_is_still_pending_and_the_panes_resolve_saves_it()
    {
        var data = Path.Combine(Path.GetTempPath(), "outlookcrm-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        try
        {
            var tenant = Guid.NewGuid();
            var user = Guid.NewGuid();
            var key = NewKey();
            Guid client;
            string address;
            await using (var before = new Instance(data, "01:00:00"))
            {
                await before.InitializeAsync();
                var session = await before.SignInAsync(tenant, user);
                address = $"client-{Guid.NewGuid():N}@example.com";
                client = (await session.CreateClientAsync("Ana", "Souza", address)).Id();
                await Json.ReadAsync(await ChooseAsync(session, key, client), 200);
                await Json.ReadAsync(await ReportSentAsync(session, key, address), 202);
                Assert.Contains(before.Sessions, s => s.Value == user); // followed in the background, an hour away
                await ((IAsyncLifetime)before).DisposeAsync();
            }

            await using var after = new Instance(data, BackgroundDelays.Fast);
            await after.InitializeAsync();
            var again = await after.SignInAsync(tenant, user);
            after.Graph.AddSentMessage(Guid.NewGuid().ToString("N"), "practitioner@example.com", [address], DateTime.UtcNow, "Your next session", key);
            var resolved = await ResolveAsync(again);
            Assert.Equal(client, Assert.Single(resolved["saved"]!.AsArray())!.AsObject().Id("clientId"));
            Assert.Single(await SavedEmailsAsync(again, client));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>Development (no Graph): the preview's in-memory Sent Items are read in the background as the sender too.</summary>
public sealed class DevelopmentBackgroundFactory : ServiceFactory
{
    public DevelopmentBackgroundFactory() => BackgroundDelays.Apply(Settings, BackgroundDelays.Fast);
}

public class DevelopmentSendSaveBackgroundTests(DevelopmentBackgroundFactory factory) : IClassFixture<DevelopmentBackgroundFactory>
{
    [Fact]
    public async Task The_preview_send_is_saved_without_the_pane()
    {
        var session = await factory.SignInAsync();
        var client = (await session.CreateClientAsync("Ana", "Souza", "ana.background@example.com")).Id();
        var key = NewKey();
        await Json.ReadAsync(await ChooseAsync(session, key, client), 200);

        await Json.ReadAsync(await ReportSentAsync(session, key, "ana.background@example.com"), 202);
        var sent = new { sendKey = key, subject = "Your intake form", to = new[] { new { name = "Ana", address = "ana.background@example.com" } }, preview = "Hi Ana" };
        await Json.ReadAsync(await session.PostJsonAsync("/api/dev/sent-items", sent), 201);

        await BackgroundDelays.UntilAsync(async () => (await SavedEmailsAsync(session, client)).Count > 0, "the preview send in the history");
        Assert.Equal("Your intake form", Assert.Single(await SavedEmailsAsync(session, client))!.Str("subject"));
    }
}
