using System.Net;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.Intake.IntakeTestData;

namespace OutlookCrm.Service.Tests.Intake;

public class OutboxTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task The_development_outbox_shows_a_workspace_only_its_own_emails()
    {
        var owner = await factory.SignInAsync();
        var client = await owner.CreateClientAsync("Out", "Box", "outbox.owner@example.com");
        await SendAsync(owner, client.Id());

        var other = await factory.SignInAsync();
        var theirs = await Json.ReadAsync(await other.Http.GetAsync("/api/dev/outbox"), 200);
        Assert.DoesNotContain(theirs["items"]!.AsArray(), m => m!.Str("to") == "outbox.owner@example.com");
        Assert.Contains((await Json.ReadAsync(await owner.Http.GetAsync("/api/dev/outbox"), 200))["items"]!.AsArray(), m => m!.Str("to") == "outbox.owner@example.com");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/dev/outbox")).StatusCode);
    }
}
