using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookCrm.Service.Intake;
using OutlookCrm.Service.Problems;
using OutlookCrm.Service.Tests.Audit;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.Intake.IntakeTestData;

namespace OutlookCrm.Service.Tests.Intake;

/// <summary>
/// The link commits before the email goes, and the send's outcome is recorded after it: never a
/// link the database does not know, never a failure that looks sent, never two live links.
/// </summary>
public class IntakeDeliveryTests
{
    /// <summary>A mailbox whose next sends fail as told, and which keeps what it did send.</summary>
    sealed class ScriptedMailer : IIntakeMailer
    {
        public ConcurrentQueue<Exception> NextFailures { get; } = new();
        public ConcurrentQueue<IntakeEmail> Sent { get; } = new();

        public Task SendAsync(IntakeEmail email, CancellationToken cancellationToken)
        {
            if (NextFailures.TryDequeue(out var failure)) throw failure;
            Sent.Enqueue(email);
            return Task.CompletedTask;
        }
    }

    sealed class ScriptedMailerFactory : ServiceFactory
    {
        public ScriptedMailer Mailer { get; } = new();
        public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.Replace(ServiceDescriptor.Singleton<IIntakeMailer>(Mailer));
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            });
        }
    }

    [Fact]
    public async Task A_failed_first_send_is_recorded_once_as_not_sent_and_a_retry_sends_the_only_live_link()
    {
        using var factory = new ScriptedMailerFactory();
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Ana", "Retry", "ana.retry@example.com");
        factory.Mailer.NextFailures.Enqueue(ApiProblem.MailUnavailable());

        // The workspace's first intake: the default template is created in the same commit as the link.
        var refused = await Json.ProblemAsync(await session.PostJsonAsync($"/api/clients/{client.Id()}/intakes", new { }), 503, "mail-unavailable");
        var intakeId = refused.Str("intakeId");
        var intakes = (await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/intakes"), 200))["items"]!.AsArray();
        var notSent = Assert.Single(intakes)!;
        Assert.Equal(intakeId, notSent.Str("id"));
        Assert.Equal("notSent", notSent.Str("status"));
        Assert.Equal("failed", notSent.Str("delivery"));
        Assert.Equal("mail-unavailable", notSent.Str("deliveryProblem"));
        Assert.Equal(["intake.send:mail-unavailable"], (await AuditTrailTests.AuditAsync(session, "?action=intake.send")).Select(e => $"{e.Str("action")}:{e.Str("outcome")}"));
        Assert.DoesNotContain(await EventTypesAsync(session, client.Id()), type => type == "intakeSent");

        var resent = await Json.ReadAsync(await session.PostJsonAsync($"/api/clients/{client.Id()}/intakes/{intakeId}/resend", new { }), 200);
        Assert.Equal("sent", resent.Str("status"));
        Assert.Equal("sent", resent.Str("delivery"));
        Assert.Null(resent["deliveryProblem"]);
        Assert.Single((await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/intakes"), 200))["items"]!.AsArray());
        Assert.Contains("intakeSent", await EventTypesAsync(session, client.Id()));

        var sent = Assert.Single(factory.Mailer.Sent);
        Assert.Equal(HttpStatusCode.OK, (await Browser(factory).GetAsync(PathOf(sent.Link))).StatusCode);
    }

    [Fact]
    public async Task A_send_that_never_reported_back_shows_as_not_sent_once_it_is_overdue()
    {
        using var factory = new ScriptedMailerFactory();
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Rui", "Crash", "rui.crash@example.com");
        factory.Mailer.NextFailures.Enqueue(new InvalidOperationException("the process stopped mid-send"));
        Assert.Equal(HttpStatusCode.InternalServerError, (await session.PostJsonAsync($"/api/clients/{client.Id()}/intakes", new { })).StatusCode);

        Assert.Equal("sending", await OnlyIntakeStatusAsync(session, client.Id()));
        factory.Clock.Advance(IntakeDeliveries.PendingLimit + TimeSpan.FromSeconds(1));
        Assert.Equal("notSent", await OnlyIntakeStatusAsync(session, client.Id()));
    }

    [Fact]
    public async Task Manual_delivery_sends_nothing_and_gives_the_pane_the_link()
    {
        using var factory = new ScriptedMailerFactory();
        factory.Settings["Intake:ManualDelivery"] = "true";
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Lia", "Manual", "lia.manual@example.com");

        var intake = await SendAsync(session, client.Id());
        Assert.Equal("manual", intake.Str("delivery"));
        Assert.Empty(factory.Mailer.Sent);
        Assert.Equal(HttpStatusCode.OK, (await Browser(factory).GetAsync(PathOf(intake.Str("link")))).StatusCode);
        var listed = (await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/intakes"), 200))["items"]![0]!;
        Assert.Null(listed["link"]); // only its hash is kept
    }

    static async Task<string> OnlyIntakeStatusAsync(TenantSession session, Guid clientId) =>
        Assert.Single((await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{clientId}/intakes"), 200))["items"]!.AsArray())!.Str("status");

    static async Task<List<string>> EventTypesAsync(TenantSession session, Guid clientId) =>
        (await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{clientId}/history"), 200))["items"]!.AsArray()
            .Where(i => i!.Str("kind") == "event").Select(i => i!["event"]!.Str("type")).ToList();
}
