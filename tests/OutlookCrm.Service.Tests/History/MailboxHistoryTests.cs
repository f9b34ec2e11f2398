using System.Security.Claims;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Moq;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.History.HistoryTestData;

namespace OutlookCrm.Service.Tests.History;

/// <summary>The mailbox source through the real GraphServiceClient against a local fake Graph.</summary>
public class MailboxHistoryTests(GraphServiceFactory factory) : IClassFixture<GraphServiceFactory>
{
    static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public async Task Mailbox_emails_to_or_from_any_address_are_merged_newest_first()
    {
        var session = await factory.SignInAsync();
        var (client, primary, secondary) = await ClientWithTwoAddressesAsync(session);
        factory.Graph.AddMessage($"{primary}-1", primary, ["clinic@example.com"], Now.AddHours(-3), "From primary");
        factory.Graph.AddMessage($"{secondary}-1", "clinic@example.com", [secondary], Now.AddHours(-1), "To secondary");
        factory.Graph.AddMessage("unrelated-1", "someone@example.net", ["clinic@example.com"], Now.AddHours(-2), "Unrelated");

        var history = await HistoryAsync(session, client);
        Assert.Equal("ok", history["sources"]!.Str("mailbox"));
        var mailbox = history["items"]!.AsArray().Where(i => i!.Str("kind") == "mailbox-email").ToList();
        Assert.Equal(["To secondary", "From primary"], mailbox.Select(m => m!.Str("subject")).ToArray());
        Assert.Equal($"{secondary}-1", mailbox[0]!.Str("itemId"));
        Assert.StartsWith("https://outlook.office.com/", mailbox[0]!.Str("webLink"));

        var (search, authorization) = factory.Graph.Requests.Last(r => r.Search.Contains(primary));
        Assert.Contains($"participants:{secondary}", search);
        Assert.Equal($"Bearer {GraphServiceFactory.TokenFor(session.UserId)}", authorization);
    }

    [Fact]
    public async Task Reading_the_mailbox_asks_for_mail_read_and_nothing_broader()
    {
        var session = await factory.SignInAsync();
        var (client, primary, _) = await ClientWithTwoAddressesAsync(session);
        factory.Graph.AddMessage($"{primary}-s", primary, ["clinic@example.com"], Now.AddHours(-1), "Scoped");

        Assert.Equal("ok", (await HistoryAsync(session, client))["sources"]!.Str("mailbox"));
        var asked = factory.ScopesAskedFor(session.UserId);
        Assert.NotEmpty(asked);
        Assert.All(asked, scopes => Assert.Equal(["Mail.Read"], scopes));
    }

    [Fact]
    public async Task Pages_follow_graph_next_links_without_losing_or_repeating()
    {
        var session = await factory.SignInAsync();
        var (client, primary, _) = await ClientWithTwoAddressesAsync(session);
        for (var i = 0; i < 9; i++) factory.Graph.AddMessage($"{primary}-p{i}", primary, ["clinic@example.com"], Now.AddDays(-i - 1), $"Message {i}");
        await SaveAsync(session, client, Email("<team-1@x.example.com>", primary, Now.AddDays(-4).AddHours(1), "Saved by team"));

        var items = await AllPagesAsync(session, client, 4);
        var subjects = items.Where(i => i.Str("kind") != "event").Select(i => i.Str("subject")).ToList();
        Assert.Equal(10, subjects.Count);
        Assert.Equal(subjects.Count, subjects.Distinct().Count());
        Assert.Equal("Saved by team", subjects[3]); // between the messages of 3 and 4 days ago
    }

    [Fact]
    public async Task A_saved_email_that_is_also_in_the_mailbox_appears_once()
    {
        var session = await factory.SignInAsync();
        var (client, primary, _) = await ClientWithTwoAddressesAsync(session);
        factory.Graph.AddMessage($"{primary}-dup", primary, ["clinic@example.com"], Now.AddHours(-5), "Both places", internetMessageId: $"<dup-{primary}>");
        await SaveAsync(session, client, Email($"<dup-{primary}>", primary, Now.AddHours(-5), "Both places"));

        var items = (await HistoryAsync(session, client))["items"]!.AsArray().Where(i => i!["subject"] is not null).ToList();
        var both = Assert.Single(items, i => i!.Str("subject") == "Both places")!;
        Assert.Equal("saved-email", both.Str("kind"));
        Assert.True(both["inMailbox"]!.GetValue<bool>());
        Assert.Equal($"{primary}-dup", both.Str("itemId"));
    }

    [Fact]
    public async Task Two_mailbox_copies_of_one_message_and_its_saved_copy_are_one_entry()
    {
        var session = await factory.SignInAsync();
        var (client, primary, _) = await ClientWithTwoAddressesAsync(session);
        var messageId = $"<copies-{primary}>";
        // Sent to the client with the practitioner in copy: Sent Items and Inbox each hold it.
        factory.Graph.AddMessage($"{primary}-sent", "clinic@example.com", [primary, "clinic@example.com"], Now.AddHours(-6), "Two copies", internetMessageId: messageId);
        factory.Graph.AddMessage($"{primary}-inbox", "clinic@example.com", [primary, "clinic@example.com"], Now.AddHours(-6).AddSeconds(2), "Two copies", internetMessageId: messageId);

        var before = (await HistoryAsync(session, client))["items"]!.AsArray().Where(i => i!["subject"]?.GetValue<string>() == "Two copies").ToList();
        Assert.Equal("mailbox-email", Assert.Single(before)!.Str("kind"));

        await SaveAsync(session, client, Email(messageId, "clinic@example.com", Now.AddHours(-6), "Two copies"));
        var after = (await HistoryAsync(session, client))["items"]!.AsArray().Where(i => i!["subject"]?.GetValue<string>() == "Two copies").ToList();
        var both = Assert.Single(after)!;
        Assert.Equal("saved-email", both.Str("kind"));
        Assert.True(both["inMailbox"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Throttling_is_retried_after_retry_after_and_503_bursts_are_ridden_out()
    {
        var session = await factory.SignInAsync();
        var (client, primary, _) = await ClientWithTwoAddressesAsync(session);
        factory.Graph.AddMessage($"{primary}-t", primary, ["clinic@example.com"], Now.AddHours(-1), "After throttling");

        factory.Graph.Faults.Enqueue(FakeGraphServer.Status(429, retryAfter: "1"));
        var history = await HistoryAsync(session, client);
        Assert.Equal("ok", history["sources"]!.Str("mailbox"));
        Assert.Contains(history["items"]!.AsArray(), i => i!["subject"]?.GetValue<string>() == "After throttling");

        factory.Graph.Faults.Enqueue(FakeGraphServer.Status(503));
        factory.Graph.Faults.Enqueue(FakeGraphServer.Status(503));
        Assert.Equal("ok", (await HistoryAsync(session, client))["sources"]!.Str("mailbox"));
    }

    [Fact]
    public async Task Malformed_json_from_graph_is_unavailable_not_a_500()
    {
        var session = await factory.SignInAsync();
        var (client, _, _) = await ClientWithTwoAddressesAsync(session);
        factory.Graph.Faults.Enqueue(FakeGraphServer.MalformedJson);
        var history = await HistoryAsync(session, client);
        Assert.Equal("unavailable", history["sources"]!.Str("mailbox"));
        Assert.Contains(history["items"]!.AsArray(), i => i!.Str("kind") == "event");
    }

    [Fact]
    public async Task A_consent_error_from_graph_asks_for_consent()
    {
        var session = await factory.SignInAsync();
        var (client, _, _) = await ClientWithTwoAddressesAsync(session);
        factory.Graph.Faults.Enqueue(FakeGraphServer.ConsentError);
        var history = await HistoryAsync(session, client);
        Assert.Equal("consent-required", history["sources"]!.Str("mailbox"));
        Assert.NotNull(history["mailboxChallenge"]);
    }

    [Fact]
    public async Task A_token_challenge_becomes_consent_required_with_its_claims()
    {
        var session = await factory.SignInAsync();
        var (client, _, _) = await ClientWithTwoAddressesAsync(session);
        var userId = session.UserId.ToString();
        factory.Tokens.Setup(t => t.GetAccessTokenForUserAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<string?>(),
                It.Is<ClaimsPrincipal?>(p => p!.FindFirst("oid")!.Value == userId), It.IsAny<TokenAcquisitionOptions?>()))
            .ThrowsAsync(new MicrosoftIdentityWebChallengeUserException(new MsalUiRequiredException("interaction_required", "MFA needed") { }, ["Mail.Read"], "{\"access_token\":{\"capolids\":{\"essential\":true}}}"));

        var history = await HistoryAsync(session, client);
        Assert.Equal("consent-required", history["sources"]!.Str("mailbox"));
        Assert.Equal("Mail.Read", history["mailboxChallenge"]!["scopes"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task One_users_graph_token_is_never_used_for_another()
    {
        var tenant = Guid.NewGuid();
        var alice = await factory.SignInAsync(tenant);
        var bob = await factory.SignInAsync(tenant);
        var stranger = await factory.SignInAsync();
        var sessions = new[] { alice, bob, stranger };
        var clients = new List<(TenantSession Session, Guid Client, string Address)>();
        foreach (var s in sessions)
        {
            var (client, primary, _) = await ClientWithTwoAddressesAsync(s);
            clients.Add((s, client, primary));
        }

        await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => clients.Select(c => HistoryAsync(c.Session, c.Client))));

        foreach (var (session, _, address) in clients)
        {
            var requests = factory.Graph.Requests.Where(r => r.Search.Contains(address)).ToList();
            Assert.NotEmpty(requests);
            Assert.All(requests, r => Assert.Equal($"Bearer {GraphServiceFactory.TokenFor(session.UserId)}", r.Authorization));
        }
    }

    [Fact]
    public async Task No_more_than_four_graph_requests_at_once_per_mailbox()
    {
        var session = await factory.SignInAsync();
        var (client, _, _) = await ClientWithTwoAddressesAsync(session);
        factory.Graph.Delay = TimeSpan.FromMilliseconds(300);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => HistoryAsync(session, client)));
        }
        finally
        {
            factory.Graph.Delay = TimeSpan.Zero;
        }
        Assert.InRange(factory.Graph.MaxConcurrentPerToken, 1, 4);
    }

    static async Task<(Guid Client, string Primary, string Secondary)> ClientWithTwoAddressesAsync(TenantSession session)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var primary = $"client.{tag}@example.com";
        var secondary = $"client.{tag}@home.example.org";
        var client = await session.CreateClientAsync("Mail", "Box", primary);
        await Json.ReadAsync(await session.PostJsonAsync($"/api/clients/{client.Id()}/emails", new { address = secondary, @as = "secondary" }), 200);
        return (client.Id(), primary, secondary);
    }
}
