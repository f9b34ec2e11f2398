using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;
using OutlookCrm.Service.Mailbox;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.History.HistoryTestData;

namespace OutlookCrm.Service.Tests.Mailbox;

/// <summary>
/// The service in Development with development sign-in and the mailbox on a Graph stand-in (as the
/// end-to-end tests run it, tests/e2e/support/fakeGraph.ts): no Entra to ask for tokens, so each
/// user's requests carry a development token naming that user, and only to a loopback Graph.
/// </summary>
public class DevelopmentGraphTokensTests : IAsyncLifetime
{
    FakeGraphServer graph = null!;

    public async Task InitializeAsync() => graph = await FakeGraphServer.StartAsync();

    public async Task DisposeAsync() => await graph.DisposeAsync();

    ServiceFactory Factory(string graphBaseUrl) => new()
    {
        Settings = { ["Mailbox:Source"] = "Graph", ["Mailbox:GraphBaseUrl"] = graphBaseUrl },
    };

    [Fact]
    public async Task Saving_an_email_reads_its_attachments_from_the_loopback_graph_with_a_token_naming_the_caller()
    {
        using var factory = Factory(graph.BaseUrl);
        Assert.IsType<DevelopmentGraphTokens>(factory.Services.GetRequiredService<ITokenAcquisition>());
        var session = await factory.SignInAsync();
        var address = $"client-{Guid.NewGuid():N}@example.com";
        var client = (await session.CreateClientAsync("Ana", "Souza", address)).Id();
        var id = Guid.NewGuid().ToString("N");
        var message = graph.AddMessage(id, address, ["clinic@example.com"], DateTime.UtcNow.AddHours(-1), "Referral letter", $"<{id}@mail.example.com>");
        graph.AddAttachment(message, "referral.pdf", [1, 2, 3]);

        var saved = await SaveAsync(session, client, Email(message.Str("internetMessageId"), address, DateTime.Parse(message.Str("receivedDateTime")).ToUniversalTime(), "Referral letter"));

        Assert.Equal(["referral.pdf"], saved["attachments"]!.AsArray().Select(a => a!.Str("name")).ToArray());
        Assert.NotEmpty(graph.AttachmentRequests);
        Assert.All(graph.AttachmentRequests, r => Assert.Equal($"Bearer {DevelopmentGraphTokens.TokenFor(session.UserId.ToString())}", r.Authorization));
    }

    [Fact]
    public void A_graph_beyond_this_machine_is_refused_at_startup()
    {
        using var factory = Factory("https://graph.microsoft.com/v1.0");
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("needs a Graph stand-in on this machine", error.ToString());
    }
}
