using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.Intake.IntakeTestData;

namespace OutlookCrm.Service.Tests.Intake;

/// <summary>Development service with a clock the tests move: intakes from sending to completion.</summary>
public sealed class ClockedServiceFactory : ServiceFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

public class IntakeFlowTests(ClockedServiceFactory factory) : IClassFixture<ClockedServiceFactory>
{
    [Fact]
    public async Task Send_open_fill_in_and_read_the_answers()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Ana", "Souza", "ana.intake@example.com");
        var sent = await SendAsync(session, client.Id(), new { language = "pt-BR" });
        Assert.Equal("sent", sent.Str("status"));
        Assert.Equal("ana.intake@example.com", sent.Str("sentTo"));

        var outbox = await Json.ReadAsync(await session.Http.GetAsync("/api/dev/outbox"), 200);
        var email = outbox["items"]!.AsArray().First(m => m!.Str("to") == "ana.intake@example.com")!;
        Assert.Contains("Olá, Ana", email.Str("body"));
        Assert.Contains(email.Str("link"), email.Str("body"));

        // The client opens and answers a moment later: on this class's stopped clock, steps at one instant would be
        // ordered by their ids, whose random part decides within a millisecond (seconds only: the clock is shared).
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var browser = Browser(factory);
        var path = PathOf(email.Str("link"));
        var (html, antiforgery) = await OpenFormAsync(browser, path);
        Assert.Contains("lang=\"pt-BR\"", html);
        Assert.Contains("Enviar minhas respostas", html);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("opened", (await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/intakes/{sent.Str("id")}"), 200)).Str("status"));

        var done = await SubmitAsync(browser, path, antiforgery, [.. CompleteDefaultAnswers, ("q-how-heard", "Pesquisa na internet")]);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Obrigado", await done.Content.ReadAsStringAsync());

        var intake = await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/intakes/{sent.Str("id")}"), 200);
        Assert.Equal("completed", intake.Str("status"));
        var answers = intake["answers"]!.AsArray().ToDictionary(a => a!.Str("questionId"), a => a!["values"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray());
        Assert.Equal(["Ana Souza"], answers["full-name"]);
        Assert.Equal(["Pesquisa na internet"], answers["how-heard"]);
        Assert.Empty(answers["phone"]);

        // Answers are never applied to the record silently.
        Assert.Equal("Ana", (await session.GetClientAsync(client.Id())).Str("firstName"));
        var history = await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/history"), 200);
        var kinds = history["items"]!.AsArray().Where(i => i!["event"] is not null).Select(i => i!["event"]!.Str("type")).ToList();
        Assert.Equal(["intakeCompleted", "intakeOpened", "intakeSent", "created"], kinds);
        // The client's own steps name no team member; sending the form names who sent it.
        var actors = history["items"]!.AsArray().Select(i => i!["actorName"]?.GetValue<string>()).ToList();
        Assert.Equal([null, null, "Test Practitioner", "Test Practitioner"], actors);
    }

    [Fact]
    public async Task A_used_link_shows_a_friendly_page_never_the_form()
    {
        var (session, client, path) = await SentIntakeAsync("used@example.com");
        var browser = Browser(factory);
        var (_, antiforgery) = await OpenFormAsync(browser, path);
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(browser, path, antiforgery, CompleteDefaultAnswers)).StatusCode);

        var again = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        var html = await again.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<form", html);
        Assert.Equal(HttpStatusCode.Gone, (await SubmitAsync(browser, path, antiforgery, CompleteDefaultAnswers)).StatusCode);
    }

    [Fact]
    public async Task Missing_required_answers_are_shown_with_what_was_typed()
    {
        var (_, _, path) = await SentIntakeAsync("missing@example.com");
        var browser = Browser(factory);
        var (_, antiforgery) = await OpenFormAsync(browser, path);
        var response = await SubmitAsync(browser, path, antiforgery, ("q-full-name", "Bia Reis"), ("q-date-of-birth", "31/12/1990"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("value=\"Bia Reis\"", html);
        Assert.Contains("This answer is required.", html);
        Assert.Contains("Enter a date (year-month-day).", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        // Told first when the page loads, and a way to each answer: the title, and a summary that takes focus.
        Assert.Contains("<title>Error: ", html);
        Assert.Contains("role=\"alert\" tabindex=\"-1\" autofocus", html);
        Assert.Contains("href=\"#q-details-correct-0\"", html);
    }

    [Fact]
    public async Task A_number_question_takes_the_browser_number_and_keeps_its_kind_for_the_reader()
    {
        var session = await factory.SignInAsync();
        var template = await Json.ReadAsync(await session.PostJsonAsync("/api/intake/templates", new
        {
            name = "Sessions",
            emailSubject = "Before we start",
            emailMessage = "Hello {firstName}",
            language = "en",
            sections = new[] { new { title = "Routine", questions = new object[] { new { id = "per-week", label = "Sessions per week", type = "number", required = true } } } },
        }), 201);
        Assert.Equal("number", template["form"]!["sections"]![0]!["questions"]![0].Str("type"));
        var client = await session.CreateClientAsync("Caio", "Lima", "caio.number@example.com");
        var sent = await SendAsync(session, client.Id(), new { templateId = template.Str("id") });
        var browser = Browser(factory);
        var path = PathOf(await LinkForAsync(session.Http, "caio.number@example.com"));
        var (html, antiforgery) = await OpenFormAsync(browser, path);
        Assert.Contains("<input type=\"number\" step=\"any\" inputmode=\"decimal\" id=\"q-per-week\"", html);

        foreach (var written in new[] { "1,5", "1e3", "1.234,5", "12345678901234567" })
        {
            var refused = await SubmitAsync(browser, path, antiforgery, ("q-per-week", written));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("Enter a number.", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(browser, path, antiforgery, ("q-per-week", "1.5"))).StatusCode);

        var intake = await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/intakes/{sent.Str("id")}"), 200);
        var answer = intake["answers"]!.AsArray().Single()!;
        Assert.Equal("number", answer.Str("type"));
        Assert.Equal("1.5", answer["values"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Hostile_answers_are_stored_and_shown_as_text()
    {
        var (session, client, path) = await SentIntakeAsync("hostile@example.com");
        var browser = Browser(factory);
        var (_, antiforgery) = await OpenFormAsync(browser, path);
        const string script = "<script>alert('x')</script>";

        var rejected = await SubmitAsync(browser, path, antiforgery, ("q-full-name", script), ("q-phone", new string('9', 201)));
        var html = await rejected.Content.ReadAsStringAsync();
        Assert.DoesNotContain(script, html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.Contains("This answer is too long.", html);

        var ok = await SubmitAsync(browser, path, antiforgery, [("q-full-name", script), ("q-details-correct", "yes"), ("q-reason", script), ("q-consent", "yes"), ("q-how-heard", "Not an option")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ok.StatusCode); // "Not an option" is not one of the choices
        ok = await SubmitAsync(browser, path, antiforgery, [("q-full-name", script), ("q-details-correct", "yes"), ("q-reason", script), ("q-consent", "yes")]);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var intake = (await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/intakes"), 200))["items"]![0]!;
        var answers = (await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/intakes/{intake.Str("id")}"), 200))["answers"]!.AsArray();
        Assert.Equal(script, answers.Single(a => a!.Str("questionId") == "full-name")!["values"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Guessed_or_malformed_tokens_show_the_friendly_page()
    {
        var browser = Browser(factory);
        foreach (var path in new[] { "/intake/" + new string('A', 43), "/intake/short", "/intake/" + Uri.EscapeDataString("<script>") })
        {
            var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
            Assert.DoesNotContain("<form", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Links_expire_after_14_days()
    {
        using var clocked = new ClockedServiceFactory(); // its own clock: moving it must not disturb other tests
        var session = await clocked.SignInAsync();
        var client = await session.CreateClientAsync("Expiring", "Link", "expires@example.com");
        await SendAsync(session, client.Id());
        var path = PathOf(await LinkForAsync(session.Http, "expires@example.com"));
        var browser = Browser(clocked);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);

        clocked.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);
        clocked.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Gone, (await browser.GetAsync(path)).StatusCode);
        var intake = (await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/intakes"), 200))["items"]![0]!;
        Assert.Equal("expired", intake.Str("status"));
    }

    [Fact]
    public async Task Revoked_links_stop_working_and_resending_replaces_the_link()
    {
        var (session, client, path) = await SentIntakeAsync("revoke@example.com");
        var intakeId = (await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client.Id()}/intakes"), 200))["items"]![0]!.Str("id");
        var browser = Browser(factory);

        var revoked = await Json.ReadAsync(await session.PostJsonAsync($"/api/clients/{client.Id()}/intakes/{intakeId}/revoke", new { }), 200);
        Assert.Equal("revoked", revoked.Str("status"));
        Assert.Equal(HttpStatusCode.Gone, (await browser.GetAsync(path)).StatusCode);

        var resent = await Json.ReadAsync(await session.PostJsonAsync($"/api/clients/{client.Id()}/intakes/{intakeId}/resend", new { }), 200);
        Assert.Equal("sent", resent.Str("status"));
        Assert.Equal(2, resent["timesSent"]!.GetValue<int>());
        var newPath = PathOf(await LinkForAsync(session.Http, "revoke@example.com"));
        Assert.NotEqual(path, newPath);
        Assert.Equal(HttpStatusCode.Gone, (await browser.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(newPath)).StatusCode);
    }

    [Fact]
    public async Task An_oversized_submission_is_refused_before_it_is_read()
    {
        var (_, _, path) = await SentIntakeAsync("oversized@example.com");
        var browser = Browser(factory);
        var (_, antiforgery) = await OpenFormAsync(browser, path);
        var response = await SubmitAsync(browser, path, antiforgery, ("q-reason", new string('x', 600 * 1024)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_submission_without_the_anti_forgery_token_is_refused()
    {
        var (_, _, path) = await SentIntakeAsync("csrf@example.com");
        var attacker = factory.CreateClient();
        var response = await attacker.PostAsync(path, new FormUrlEncodedContent(CompleteDefaultAnswers.Select(a => new KeyValuePair<string, string>(a.Item1, a.Item2))));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_public_page_has_a_strict_policy_and_no_script()
    {
        var (_, _, path) = await SentIntakeAsync("csp@example.com");
        var response = await Browser(factory).GetAsync(path);
        var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'none'; style-src 'nonce-", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_client_without_an_email_cannot_be_sent_an_intake()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("No", "Email");
        await Json.ProblemAsync(await session.PostJsonAsync($"/api/clients/{client.Id()}/intakes", new { }), 422, "client-has-no-email");
        await Json.ProblemAsync(await session.PostJsonAsync($"/api/clients/{client.Id()}/intakes", new { templateId = Guid.NewGuid() }), 422, "client-has-no-email");
    }

    [Fact]
    public async Task Intakes_of_another_workspace_are_not_found()
    {
        var (owner, client, _) = await SentIntakeAsync("private.intake@example.com");
        var intakeId = (await Json.ReadAsync(await owner.Http.GetAsync($"/api/clients/{client.Id()}/intakes"), 200))["items"]![0]!.Str("id");
        var intruder = await factory.SignInAsync();
        await Json.ProblemAsync(await intruder.PostJsonAsync($"/api/clients/{client.Id()}/intakes", new { }), 404, "not-found");
        await Json.ProblemAsync(await intruder.Http.GetAsync($"/api/clients/{client.Id()}/intakes"), 404, "not-found");
        await Json.ProblemAsync(await intruder.Http.GetAsync($"/api/clients/{client.Id()}/intakes/{intakeId}"), 404, "not-found");
        await Json.ProblemAsync(await intruder.PostJsonAsync($"/api/clients/{client.Id()}/intakes/{intakeId}/resend", new { }), 404, "not-found");
        await Json.ProblemAsync(await intruder.PostJsonAsync($"/api/clients/{client.Id()}/intakes/{intakeId}/revoke", new { }), 404, "not-found");
        var ownTemplates = await Json.ReadAsync(await owner.Http.GetAsync("/api/intake/templates"), 200);
        var intruderClient = await intruder.CreateClientAsync("Own", "Client", "own.client@example.com");
        await Json.ProblemAsync(await intruder.PostJsonAsync($"/api/clients/{intruderClient.Id()}/intakes", new { templateId = ownTemplates["items"]![0]!.Str("id") }), 404, "not-found");
    }

    async Task<(TenantSession Session, System.Text.Json.Nodes.JsonObject Client, string Path)> SentIntakeAsync(string email)
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Intake", "Client", email);
        await SendAsync(session, client.Id());
        return (session, client, PathOf(await LinkForAsync(session.Http, email)));
    }
}
