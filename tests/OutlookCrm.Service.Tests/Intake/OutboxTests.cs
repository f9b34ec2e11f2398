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

    [Fact]
    public async Task A_failed_send_leaves_the_intake_not_sent_and_resending_it_sends_that_same_intake()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Fail", "Once", "fail.once@example.com");
        var bystander = await factory.SignInAsync();
        var bystanderClient = await bystander.CreateClientAsync("Not", "Affected", "not.affected@example.com");
        Assert.Equal(HttpStatusCode.NoContent, (await session.Http.PostAsync("/api/dev/outbox/fail-next", null)).StatusCode);

        await SendAsync(bystander, bystanderClient.Id());
        var problem = await Json.ProblemAsync(await session.PostJsonAsync($"/api/clients/{client.Id()}/intakes", new { }), 503, "mail-unavailable");
        var intakeId = problem.Id("intakeId");

        var listed = Assert.Single((await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/intakes"), 200))["items"]!.AsArray())!;
        Assert.Equal(intakeId, listed.AsObject().Id());
        Assert.Equal("notSent", listed.Str("status"));
        Assert.Equal("failed", listed.Str("delivery"));
        Assert.Equal("mail-unavailable", listed.Str("deliveryProblem"));
        Assert.DoesNotContain((await Json.ReadAsync(await session.Http.GetAsync("/api/dev/outbox"), 200))["items"]!.AsArray(), m => m!.Str("to") == "fail.once@example.com");

        var resent = await Json.ReadAsync(await session.Http.PostAsync($"/api/clients/{client.Id()}/intakes/{intakeId}/resend", null), 200);
        Assert.Equal("sent", resent.Str("status"));
        Assert.Equal("sent", resent.Str("delivery"));
        Assert.Null(resent["deliveryProblem"]);
        Assert.Single((await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/intakes"), 200))["items"]!.AsArray());
        Assert.Single((await Json.ReadAsync(await session.Http.GetAsync("/api/dev/outbox"), 200))["items"]!.AsArray(), m => m!.Str("to") == "fail.once@example.com");
    }
}
