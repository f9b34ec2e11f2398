using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Localization;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Intake;

public static class IntakeTemplateEndpoints
{
    public static void MapIntakeTemplates(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/intake/templates").WithTags("Intake");
        templates.MapGet("/", ListAsync).WithName("ListIntakeTemplates").WithSummary("The workspace's intake templates (a default one is created on first use).");
        templates.MapGet("/{templateId:guid}", GetAsync).WithName("GetIntakeTemplate").ProducesProblems(404);
        templates.MapPost("/", CreateAsync).WithName("CreateIntakeTemplate").ProducesProblems(413, 415).WithSummary("Creates an intake template (admins only).")
            .AddEndpointFilter<RequireAdmin>().Audit("intake-template.create", "intake-template", routeKey: null);
        templates.MapPut("/{templateId:guid}", UpdateAsync).WithName("UpdateIntakeTemplate").ProducesProblems(404, 412, 413, 415).ReadsIfMatch(required: false).WithSummary("Replaces an intake template (admins only); If-Match optional.")
            .AddEndpointFilter<RequireAdmin>().Audit("intake-template.update", "intake-template", routeKey: "templateId");
    }

    /// <summary>?language= shows the built-in template as it would be sent in that language (custom ones keep their own).</summary>
    static async Task<IntakeTemplateList> ListAsync(string? language, HttpRequest request, AppDbContext db, WriteUnit unit, CurrentUser user, TextCatalog texts, TimeProvider clock, CancellationToken cancellationToken)
    {
        var requested = RequestedLanguage(language, texts);
        if (!await db.IntakeTemplates.AnyAsync(cancellationToken))
            await unit.RunAsync([LockKey.DefaultIntakeTemplate], ct => AddDefaultIfNoneAsync(db, user, requested ?? texts.LanguageFor(request), texts, clock, ct), cancellationToken);
        var templates = await db.IntakeTemplates.AsNoTracking().OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        return new IntakeTemplateList(templates.Select(t => ToDto(requested is null ? t : DefaultTemplate.InLanguage(t, requested, texts))).ToList());
    }

    static async Task<Ok<IntakeTemplateDto>> GetAsync(Guid templateId, string? language, AppDbContext db, HttpContext http, TextCatalog texts, CancellationToken cancellationToken)
    {
        var requested = RequestedLanguage(language, texts);
        var template = await db.IntakeTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, cancellationToken) ?? throw ApiProblem.NotFound("intake template");
        http.Response.Headers.ETag = IfMatch.ETagOf(template.Version);
        return TypedResults.Ok(ToDto(requested is null ? template : DefaultTemplate.InLanguage(template, requested, texts)));
    }

    static string? RequestedLanguage(string? language, TextCatalog texts) =>
        language is null ? null
        : texts.Languages.FirstOrDefault(l => l.Equals(language, StringComparison.OrdinalIgnoreCase)) ?? throw ApiProblem.Validation("language", $"One of {string.Join(", ", texts.Languages)}.");

    static async Task<Created<IntakeTemplateDto>> CreateAsync(IntakeTemplateInput input, AppDbContext db, WriteUnit unit, CurrentUser user, AuditTrail audit, TextCatalog texts, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (name, subject, message, language, form) = TemplateRules.Validate(input, texts);
        var template = await unit.RunAsync([], _ =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var created = new IntakeTemplate
            {
                Id = Guid.CreateVersion7(), WorkspaceId = user.WorkspaceId, Name = name, EmailSubject = subject, EmailMessage = message,
                Language = language, Form = JsonSerializer.Serialize(form, IntakeJson.Options), Version = 1,
                CreatedAt = now, CreatedBy = user.UserId, UpdatedAt = now, UpdatedBy = user.UserId,
            };
            db.IntakeTemplates.Add(created);
            audit.Target(created.Id);
            return Task.FromResult(created);
        }, cancellationToken);
        return TypedResults.Created($"/api/intake/templates/{template.Id}", ToDto(template));
    }

    static async Task<Ok<IntakeTemplateDto>> UpdateAsync(Guid templateId, IntakeTemplateInput input, HttpContext http, AppDbContext db, WriteUnit unit, CurrentUser user, TextCatalog texts, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (name, subject, message, language, form) = TemplateRules.Validate(input, texts);
        var ifMatch = IfMatch.Optional(http.Request);
        var template = await unit.RunAsync([], async ct =>
        {
            var template = await db.IntakeTemplates.FirstOrDefaultAsync(t => t.Id == templateId, ct) ?? throw ApiProblem.NotFound("intake template");
            ifMatch.Verify(template.Version);

            (template.Name, template.EmailSubject, template.EmailMessage, template.Language) = (name, subject, message, language);
            template.Form = JsonSerializer.Serialize(form, IntakeJson.Options);
            template.IsBuiltIn = false;
            template.Version++;
            template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            template.UpdatedBy = user.UserId;
            return template;
        }, cancellationToken);
        http.Response.Headers.ETag = IfMatch.ETagOf(template.Version);
        return TypedResults.Ok(ToDto(template));
    }

    /// <summary>Inside a unit holding <see cref="LockKey.DefaultIntakeTemplate"/>: the built-in template, when the workspace has none yet.</summary>
    internal static async Task AddDefaultIfNoneAsync(AppDbContext db, CurrentUser user, string language, TextCatalog texts, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.IntakeTemplates.AnyAsync(cancellationToken)) return;
        db.IntakeTemplates.Add(DefaultTemplate.Create(texts, language, user.WorkspaceId, user.UserId, clock.GetUtcNow().UtcDateTime));
    }

    internal static IntakeTemplateDto ToDto(IntakeTemplate t) =>
        new(t.Id, t.Name, t.EmailSubject, t.EmailMessage, FormOf(t.Form), t.Language, IfMatch.ETagOf(t.Version), t.UpdatedAt);

    internal static IntakeForm FormOf(string json) => JsonSerializer.Deserialize<IntakeForm>(json, IntakeJson.Options)!;
}
