using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Moq;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.Intake.IntakeTestData;

namespace OutlookCrm.Service.Tests.Intake;

/// <summary>Sending an intake through the real pipeline to Graph's sendMail on a local fake Graph.</summary>
public partial class GraphIntakeMailerTests(GraphServiceFactory factory) : IClassFixture<GraphServiceFactory>
{
    [Fact]
    public async Task An_intake_is_sent_from_the_users_mailbox_as_html_with_the_form_link()
    {
        var session = await factory.SignInAsync();
        var address = $"ana.{Guid.NewGuid():N}@example.com";
        var client = await session.CreateClientAsync("Ana <b>&", "Souza", address);

        await SendAsync(session, client.Id(), new { });

        var (request, authorization) = Assert.Single(factory.Graph.SentMail, m => m.Request.ToJsonString().Contains(address));
        Assert.Equal($"Bearer {GraphServiceFactory.TokenFor(session.UserId)}", authorization);
        // The Graph SDK names sendMail's parameters as Graph's metadata does (Graph reads them case-insensitively).
        Assert.True(request["SaveToSentItems"]!.GetValue<bool>());
        var message = request["Message"]!;
        Assert.Equal("Your intake form", message.Str("subject"));
        Assert.Equal(address, Assert.Single(message["toRecipients"]!.AsArray())!["emailAddress"]!.Str("address"));
        Assert.Equal("html", message["body"]!.Str("contentType"));

        var html = message["body"]!.Str("content");
        Assert.StartsWith("<p>Hello Ana &lt;b&gt;&amp;,</p><p>Welcome! Before your first session", html);
        Assert.DoesNotContain("<b>", html);
        var link = Assert.Single(Anchors().Matches(html)).Groups[1].Value;
        Assert.Contains($"<p>Open your form: <a href=\"{link}\">{link}</a></p>", html);
        Assert.EndsWith("<p>If you did not expect this email, you can ignore it.</p>", html);
        // The link in the email is the client's working form.
        await OpenFormAsync(Browser(factory), PathOf(WebUtility.HtmlDecode(link)));
    }

    [Fact]
    public async Task Sending_asks_for_mail_send_and_nothing_broader()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Scope", "Check", $"scope.{Guid.NewGuid():N}@example.com");

        await SendAsync(session, client.Id(), new { });

        var asked = factory.ScopesAskedFor(session.UserId);
        Assert.NotEmpty(asked);
        Assert.All(asked, scopes => Assert.Equal(["Mail.Send"], scopes));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Graph_refusing_the_token_asks_for_consent(int status)
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Refused", "Token", $"refused.{Guid.NewGuid():N}@example.com");
        factory.Graph.Faults.Enqueue(status == 401 ? FakeGraphServer.Status(401) : FakeGraphServer.ConsentError);
        try
        {
            await AssertProblemAsync(session, client.Id(), 403, "mail-consent-required");
        }
        finally
        {
            factory.Graph.Faults.Clear();
        }
    }

    [Fact]
    public async Task A_token_challenge_asks_for_consent()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Needs", "Mfa", $"mfa.{Guid.NewGuid():N}@example.com");
        var userId = session.UserId.ToString();
        factory.Tokens.Setup(t => t.GetAccessTokenForUserAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<string?>(),
                It.Is<ClaimsPrincipal?>(p => p!.FindFirst("oid")!.Value == userId), It.IsAny<TokenAcquisitionOptions?>()))
            .ThrowsAsync(new MicrosoftIdentityWebChallengeUserException(new MsalUiRequiredException("interaction_required", "MFA needed"), ["Mail.Send"], null));

        await AssertProblemAsync(session, client.Id(), 403, "mail-consent-required");
        Assert.DoesNotContain(factory.Graph.SentMail, m => m.Authorization == $"Bearer {GraphServiceFactory.TokenFor(session.UserId)}");
    }

    /// <summary>A dropped connection may follow an accepted message: sending again could email the client twice.</summary>
    [Theory]
    [InlineData("503", 3)]
    [InlineData("dropped connection", 1)]
    public async Task Graph_down_or_unreachable_is_mail_unavailable_and_only_a_refusal_is_tried_again(string fault, int attempts)
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Graph", "Down", $"down.{Guid.NewGuid():N}@example.com");
        // Enough for every retry the Graph client makes.
        for (var i = 0; i < 8; i++) factory.Graph.Faults.Enqueue(fault == "503" ? FakeGraphServer.Status(503) : FakeGraphServer.DroppedConnection);
        try
        {
            await AssertProblemAsync(session, client.Id(), 503, "mail-unavailable");
            Assert.Equal(8 - attempts, factory.Graph.Faults.Count);
        }
        finally
        {
            factory.Graph.Faults.Clear();
        }
    }

    /// <summary>Status and code only: other fields of this problem may grow.</summary>
    static async Task AssertProblemAsync(TenantSession session, Guid clientId, int status, string code)
    {
        var problem = await Json.ReadAsync(await session.PostJsonAsync($"/api/clients/{clientId}/intakes", new { }), status);
        Assert.Equal(code, problem.Str("code"));
    }

    [GeneratedRegex("<a href=\"([^\"]+)\">")]
    private static partial Regex Anchors();
}
