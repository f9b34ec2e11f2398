using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Localization;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Intake;

/// <summary>Sending intakes to a client, following them (sent, opened, completed), resending and revoking.</summary>
public static class IntakeEndpoints
{
    public static void MapIntakes(this RouteGroupBuilder api)
    {
        var intakes = api.MapGroup("/clients/{id:guid}/intakes").WithTags("Intake");
        intakes.MapPost("/", SendAsync).WithName("SendIntake").ProducesProblems(404, 413, 415, 422).WithSummary("Sends the client an intake form by email.")
            .Audit("intake.send", "client");
        intakes.MapGet("/", ListAsync).WithName("ListIntakes").ProducesProblems(404).Audit("intake.list", "client");
        intakes.MapGet("/{intakeId:guid}", GetAsync).WithName("GetIntake").ProducesProblems(404).WithSummary("An intake with the client's answers once completed.")
            .Audit("intake.read", "client");
        intakes.MapPost("/{intakeId:guid}/resend", ResendAsync).WithName("ResendIntake").ProducesProblems(404, 409, 422).WithSummary("Sends a fresh link; the previous one stops working.")
            .Audit("intake.resend", "client");
        intakes.MapPost("/{intakeId:guid}/revoke", RevokeAsync).WithName("RevokeIntake").ProducesProblems(404, 409).WithSummary("Stops the link from working.")
            .Audit("intake.revoke", "client");
    }

    static async Task<Created<IntakeDto>> SendAsync(
        Guid id, SendIntakeRequest request, HttpContext http, AppDbContext db, WriteUnit unit, IntakeDeliveries deliveries, CurrentUser user,
        TextCatalog texts, IntakeSettings settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Language is { } asked && !texts.Languages.Contains(asked, StringComparer.OrdinalIgnoreCase))
            throw ApiProblem.Validation("language", $"One of {string.Join(", ", texts.Languages)}.");

        var (intakeId, email) = await unit.RunAsync([LockKey.Client(id), LockKey.DefaultIntakeTemplate], async ct =>
        {
            var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw ApiProblem.NotFound("client");
            if (client.Email is null) throw ApiProblem.ClientHasNoEmail();
            await IntakeTemplateEndpoints.AddDefaultIfNoneAsync(db, user, texts.LanguageFor(http.Request), texts, clock, ct);
            var template = request.TemplateId is { } templateId
                ? await db.IntakeTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, ct) ?? throw ApiProblem.NotFound("intake template")
                // A default added just now is not saved yet: the tracker (cleared when the unit began) holds it.
                : db.IntakeTemplates.Local.FirstOrDefault() ?? await db.IntakeTemplates.AsNoTracking().OrderBy(t => t.CreatedAt).FirstAsync(ct);
            var language = texts.Languages.First(l => l.Equals(request.Language ?? template.Language, StringComparison.OrdinalIgnoreCase));
            template = DefaultTemplate.InLanguage(template, language, texts);

            var now = clock.GetUtcNow().UtcDateTime;
            var intake = new IntakeRequest
            {
                Id = Guid.CreateVersion7(), WorkspaceId = user.WorkspaceId, ClientId = client.Id, TemplateId = template.Id,
                TemplateName = template.Name, Form = template.Form, Language = language,
                SentTo = client.Email, SentAt = now, SentBy = user.UserId, Delivery = IntakeDelivery.Pending,
            };
            var token = Issue(intake, settings, now);
            db.IntakeRequests.Add(intake);
            return (intake.Id, EmailFor(intake, template, client, token, http, settings, texts));
        }, cancellationToken, carriesAudit: false);

        var delivered = await deliveries.DeliverAsync(intakeId, email);
        return TypedResults.Created($"/api/clients/{id}/intakes/{intakeId}", delivered);
    }

    static async Task<IntakeList> ListAsync(Guid id, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == id, cancellationToken)) throw ApiProblem.NotFound("client");
        var intakes = await db.IntakeRequests.AsNoTracking().Where(r => r.ClientId == id).OrderByDescending(r => r.SentAt).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return new IntakeList(intakes.Select(r => ToDto(r, now, withAnswers: false)).ToList());
    }

    static async Task<IntakeDto> GetAsync(Guid id, Guid intakeId, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var intake = await db.IntakeRequests.AsNoTracking().FirstOrDefaultAsync(r => r.ClientId == id && r.Id == intakeId, cancellationToken)
            ?? throw ApiProblem.NotFound("intake");
        return ToDto(intake, clock.GetUtcNow().UtcDateTime, withAnswers: true);
    }

    /// <summary>Also how a send that failed is retried: the fresh link replaces the old one, so only one is ever live.</summary>
    static async Task<IntakeDto> ResendAsync(
        Guid id, Guid intakeId, HttpContext http, AppDbContext db, WriteUnit unit, IntakeDeliveries deliveries, CurrentUser user, TextCatalog texts,
        IntakeSettings settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var email = await unit.RunAsync([LockKey.Intake(intakeId)], async ct =>
        {
            var intake = await db.IntakeRequests.FirstOrDefaultAsync(r => r.ClientId == id && r.Id == intakeId, ct) ?? throw ApiProblem.NotFound("intake");
            if (intake.Status == IntakeStatus.Completed) throw ApiProblem.IntakeCompleted();
            var client = await db.Clients.FirstAsync(c => c.Id == id, ct);
            if (client.Email is null) throw ApiProblem.ClientHasNoEmail();
            var stored = await db.IntakeTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == intake.TemplateId, ct);
            var template = stored is null ? null : DefaultTemplate.InLanguage(stored, intake.Language, texts);

            var now = clock.GetUtcNow().UtcDateTime;
            var token = Issue(intake, settings, now);
            intake.Status = IntakeStatus.Sent;
            intake.RevokedAt = null;
            intake.SentTo = client.Email;
            intake.SentAt = now;
            intake.SentBy = user.UserId;
            intake.Delivery = IntakeDelivery.Pending;
            intake.DeliveryProblem = null;
            return EmailFor(intake, template, client, token, http, settings, texts);
        }, cancellationToken, carriesAudit: false);
        return await deliveries.DeliverAsync(intakeId, email);
    }

    static async Task<IntakeDto> RevokeAsync(Guid id, Guid intakeId, AppDbContext db, WriteUnit unit, CurrentUser user, TimeProvider clock, CancellationToken cancellationToken) =>
        await unit.RunAsync([LockKey.Intake(intakeId)], async ct =>
        {
            var intake = await db.IntakeRequests.FirstOrDefaultAsync(r => r.ClientId == id && r.Id == intakeId, ct) ?? throw ApiProblem.NotFound("intake");
            if (intake.Status == IntakeStatus.Completed) throw ApiProblem.IntakeCompleted();
            var now = clock.GetUtcNow().UtcDateTime;
            if (intake.Status != IntakeStatus.Revoked)
            {
                intake.Status = IntakeStatus.Revoked;
                intake.RevokedAt = now;
                var client = await db.Clients.FirstAsync(c => c.Id == id, ct);
                ClientEvents.Record(db, client, ClientEventKind.IntakeRevoked, user, now, new ClientEventDetail(Label: intake.TemplateName));
            }
            return ToDto(intake, now, withAnswers: false);
        }, cancellationToken);

    /// <summary>A fresh link: the new token's hash replaces the old one, so the old link stops working.</summary>
    static string Issue(IntakeRequest intake, IntakeSettings settings, DateTime now)
    {
        var token = IntakeTokens.New();
        intake.TokenHash = IntakeTokens.Hash(token);
        intake.ExpiresAt = now + settings.LinkLifetime;
        intake.TimesSent++;
        return token;
    }

    static IntakeEmail EmailFor(IntakeRequest intake, IntakeTemplate? template, Client client, string token, HttpContext http, IntakeSettings settings, TextCatalog texts)
    {
        var origin = settings.PublicBaseUrl?.TrimEnd('/') ?? $"{http.Request.Scheme}://{http.Request.Host}";
        var link = $"{origin}/intake/{token}";
        var language = intake.Language;
        var culture = TextCatalog.Culture(language);
        var greetingName = client.PreferredName ?? client.FirstName;
        var message = (template?.EmailMessage ?? "").Replace("{firstName}", greetingName, StringComparison.Ordinal);
        var body = string.Join("\n\n",
            message,
            texts.Text(language, "intake.email.link", ("link", link)),
            texts.Text(language, "intake.email.expires", ("date", intake.ExpiresAt.ToString("D", culture))),
            texts.Text(language, "intake.email.ignore"));
        return new IntakeEmail(intake.SentTo, template?.EmailSubject ?? intake.TemplateName, body, link);
    }

    /// <summary>A link the client never got is "notSent" (failed, or still pending well after its send began: the service stopped in between).</summary>
    public static string StatusOf(IntakeRequest r, DateTime now) => r switch
    {
        { Status: IntakeStatus.Sent, Delivery: IntakeDelivery.Failed } => "notSent",
        { Status: IntakeStatus.Sent, Delivery: IntakeDelivery.Pending } when now - r.SentAt > IntakeDeliveries.PendingLimit => "notSent",
        { Status: IntakeStatus.Sent, Delivery: IntakeDelivery.Pending } => "sending",
        { Status: IntakeStatus.Sent or IntakeStatus.Opened } when r.ExpiresAt <= now => "expired",
        _ => JsonNamingPolicy.CamelCase.ConvertName(r.Status.ToString()),
    };

    internal static IntakeDto ToDto(IntakeRequest r, DateTime now, bool withAnswers) =>
        new(r.Id, r.ClientId, r.TemplateId, r.TemplateName, StatusOf(r, now), r.Language, r.SentTo, r.SentAt, r.ExpiresAt,
            r.OpenedAt, r.CompletedAt, r.RevokedAt, r.TimesSent, withAnswers ? AnswersOf(r) : null,
            JsonNamingPolicy.CamelCase.ConvertName(r.Delivery.ToString()), r.DeliveryProblem);

    static List<IntakeAnswerDto>? AnswersOf(IntakeRequest r)
    {
        if (r.Answers is null) return null;
        var answers = JsonSerializer.Deserialize<Dictionary<string, string[]>>(r.Answers, IntakeJson.Options)!;
        var form = IntakeTemplateEndpoints.FormOf(r.Form);
        return form.Sections
            .SelectMany(s => s.Questions.Select(q => new IntakeAnswerDto(q.Id, s.Title, q.Label, q.Type, answers.TryGetValue(q.Id, out var v) ? v : [])))
            .ToList();
    }
}
