using System.Security.Claims;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Moq;
using OutlookCrm.Service.Tests.Audit;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.History.HistoryTestData;

namespace OutlookCrm.Service.Tests.Mailbox;

/// <summary>
/// An item in a shared or delegate mailbox (?mailbox=owner): history and saving read the owner's mailbox
/// through Graph's /users/{owner} with the .Shared scope, and the person signed in stays the actor.
/// </summary>
public class SharedMailboxTests(GraphServiceFactory factory) : IClassFixture<GraphServiceFactory>
{
    static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public async Task History_of_a_shared_mailbox_reads_the_owners_mailbox_with_the_shared_scope()
    {
        var session = await factory.SignInAsync();
        var (client, address, desk) = await ClientAndDeskAsync(session);
        var shared = factory.Graph.ShareMailbox(desk, GraphServiceFactory.TokenFor(session.UserId));
        shared.AddMessage($"{address}-desk", address, [desk], Now.AddHours(-2), "Asked the front desk");
        factory.Graph.AddMessage($"{address}-own", address, ["practitioner@example.com"], Now.AddHours(-1), "Wrote to me");

        var history = await HistoryAsync(session, client, $"?mailbox={Uri.EscapeDataString(desk)}");

        Assert.Equal("ok", history["sources"]!.Str("mailbox"));
        var subjects = history["items"]!.AsArray().Where(i => i!.Str("kind") == "mailbox-email").Select(i => i!.Str("subject")).ToArray();
        Assert.Equal(["Asked the front desk"], subjects);
        var searched = factory.Graph.SharedRequests.Where(r => r.Owner == desk && r.Search.Contains(address)).ToList();
        Assert.Single(searched);
        Assert.Equal($"Bearer {GraphServiceFactory.TokenFor(session.UserId)}", searched[0].Authorization);
        Assert.All(factory.ScopesAskedFor(session.UserId), scopes => Assert.Equal(["Mail.Read.Shared"], scopes));
    }

    [Fact]
    public async Task Saving_from_a_shared_mailbox_names_the_signed_in_person_in_saved_by_and_the_audit()
    {
        var session = await factory.SignInAsync(name: "Dra. Paula", email: "paula@example.com");
        var (client, address, desk) = await ClientAndDeskAsync(session);
        factory.Graph.ShareMailbox(desk, GraphServiceFactory.TokenFor(session.UserId));

        var saved = await Json.ReadAsync(await session.PostJsonAsync(
            $"/api/clients/{client}/saved-emails?mailbox={Uri.EscapeDataString(desk)}", Email("<desk-1@mail.example.com>", address, Now.AddHours(-1))), 201);

        Assert.Equal(session.UserId.ToString(), saved.Str("savedBy"));
        Assert.Contains(factory.Graph.SharedRequests, r => r.Owner == desk);
        var audit = await AuditTrailTests.AuditAsync(session, $"?clientId={client}");
        var entry = Assert.Single(audit, e => e.Str("action") == "email.save");
        Assert.Equal(session.UserId.ToString(), entry.Str("userId"));
        var item = (await HistoryAsync(session, client))["items"]!.AsArray().Single(i => i!.Str("kind") == "saved-email")!;
        Assert.Equal("Dra. Paula", item.Str("actorName"));
    }

    [Fact]
    public async Task A_mailbox_not_shared_with_the_caller_is_a_403_problem_and_nothing_is_saved()
    {
        var session = await factory.SignInAsync();
        var (client, address, desk) = await ClientAndDeskAsync(session);
        factory.Graph.ShareMailbox(desk, GraphServiceFactory.TokenFor(Guid.NewGuid()));

        await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients/{client}/history?mailbox={Uri.EscapeDataString(desk)}"), 403, "mailbox-not-shared");
        await Json.ProblemAsync(await session.PostJsonAsync(
            $"/api/clients/{client}/saved-emails?mailbox={Uri.EscapeDataString(desk)}", Email("<refused@mail.example.com>", address, Now)), 403, "mailbox-not-shared");
        await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients/{client}/history?mailbox=nobody.{Guid.NewGuid():N}@example.com"), 403, "mailbox-not-shared");

        var items = (await HistoryAsync(session, client))["items"]!.AsArray();
        Assert.DoesNotContain(items, i => i!.Str("kind") == "saved-email");
    }

    [Fact]
    public async Task Saving_when_graph_cannot_vouch_for_the_mailbox_is_a_clear_problem_and_saves_nothing()
    {
        var session = await factory.SignInAsync();
        var (client, address, desk) = await ClientAndDeskAsync(session);
        var shared = factory.Graph.ShareMailbox(desk, GraphServiceFactory.TokenFor(session.UserId));
        var save = $"/api/clients/{client}/saved-emails?mailbox={Uri.EscapeDataString(desk)}";

        // Graph keeps failing (retries included): the save cannot be checked, so it is not made.
        for (var i = 0; i < 4; i++) shared.Faults.Enqueue(FakeGraphServer.Status(503));
        await Json.ProblemAsync(await session.PostJsonAsync(save, Email("<unchecked@mail.example.com>", address, Now)), 503, "mailbox-unavailable");

        // The user has not consented to Mail.Read.Shared: saving names the scope, history reports consent-required.
        var userId = session.UserId.ToString();
        factory.Tokens.Setup(t => t.GetAccessTokenForUserAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<string?>(),
                It.Is<ClaimsPrincipal?>(p => p!.FindFirst("oid")!.Value == userId), It.IsAny<TokenAcquisitionOptions?>()))
            .ThrowsAsync(new MicrosoftIdentityWebChallengeUserException(new MsalUiRequiredException("consent_required", "Consent needed"), ["Mail.Read.Shared"], null));
        var problem = await Json.ProblemAsync(await session.PostJsonAsync(save, Email("<no-consent@mail.example.com>", address, Now)), 403, "mailbox-consent-required");
        Assert.Equal("Mail.Read.Shared", problem["scopes"]![0]!.GetValue<string>());
        var history = await HistoryAsync(session, client, $"?mailbox={Uri.EscapeDataString(desk)}");
        Assert.Equal("consent-required", history["sources"]!.Str("mailbox"));
        Assert.Equal("Mail.Read.Shared", history["mailboxChallenge"]!["scopes"]![0]!.GetValue<string>());

        Assert.DoesNotContain(history["items"]!.AsArray(), i => i!.Str("kind") == "saved-email");
    }

    [Fact]
    public async Task The_callers_own_address_or_none_reads_their_own_mailbox()
    {
        var session = await factory.SignInAsync(email: "me.myself@example.com");
        var (client, address, _) = await ClientAndDeskAsync(session);
        factory.Graph.AddMessage($"{address}-mine", address, ["me.myself@example.com"], Now.AddHours(-1), "In my own mailbox");

        var history = await HistoryAsync(session, client, "?mailbox=ME.Myself%40example.com");

        Assert.Contains(history["items"]!.AsArray(), i => i!.Str("kind") == "mailbox-email" && i.Str("subject") == "In my own mailbox");
        Assert.DoesNotContain(factory.Graph.SharedRequests, r => r.Owner.Equals("me.myself@example.com", StringComparison.OrdinalIgnoreCase));
        Assert.All(factory.ScopesAskedFor(session.UserId), scopes => Assert.Equal(["Mail.Read"], scopes));
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("a@b@c.example.com")]
    public async Task A_mailbox_that_is_not_an_address_is_a_validation_problem(string mailbox)
    {
        var session = await factory.SignInAsync();
        var (client, _, _) = await ClientAndDeskAsync(session);
        var problem = await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients/{client}/history?mailbox={Uri.EscapeDataString(mailbox)}"), 400, "validation-failed");
        Assert.NotNull(problem["errors"]!["mailbox"]);
    }

    static async Task<(Guid Client, string Address, string Desk)> ClientAndDeskAsync(TenantSession session)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var address = $"client.{tag}@example.com";
        var client = await session.CreateClientAsync("Front", "Desk", address);
        return (client.Id(), address, $"recepcao.{tag}@example.com");
    }
}
