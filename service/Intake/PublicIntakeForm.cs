using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.History;
using OutlookCrm.Service.InfoPages;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Localization;
using static OutlookCrm.Service.InfoPages.HtmlPage;

namespace OutlookCrm.Service.Intake;

/// <summary>
/// The client's side of an intake: a public, server-rendered form behind a single-use link. No
/// sign-in, no script, a strict CSP, an anti-forgery token, and the general per-IP rate limit. An
/// expired, revoked, replaced or used link shows a friendly page, never the form.
/// </summary>
public static class PublicIntakeForm
{
    public static void MapPublicIntakeForm(this WebApplication app)
    {
        app.MapGet("/intake/{token}", ShowAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/intake/{token}", SubmitAsync).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
    }

    static async Task<IResult> ShowAsync(string token, HttpContext http, AppDbContext db, TextCatalog texts, IAntiforgery antiforgery, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var intake = await FindUsableAsync(db, token, now, cancellationToken);
        if (intake is null) return Gone(http, texts, texts.LanguageFor(http.Request));

        if (intake.Status == IntakeStatus.Sent)
        {
            intake.Status = IntakeStatus.Opened;
            intake.OpenedAt = now;
            RecordEvent(db, intake, ClientEventKind.IntakeOpened, now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return Form(http, intake, texts, antiforgery, posted: null, errors: null, StatusCodes.Status200OK);
    }

    static async Task<IResult> SubmitAsync(string token, HttpContext http, AppDbContext db, TextCatalog texts, IAntiforgery antiforgery, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var intake = await FindUsableAsync(db, token, now, cancellationToken);
        if (intake is null) return Gone(http, texts, texts.LanguageFor(http.Request));
        if (!http.Request.HasFormContentType) return Message(http, intake.Language, texts, "intake.form.title", "intake.form.invalidSession", StatusCodes.Status400BadRequest);
        if (!await antiforgery.IsRequestValidAsync(http))
            return Message(http, intake.Language, texts, "intake.form.title", "intake.form.invalidSession", StatusCodes.Status400BadRequest);

        var form = IntakeTemplateEndpoints.FormOf(intake.Form);
        var posted = await http.Request.ReadFormAsync(cancellationToken);
        var (answers, errors) = AnswerRules.Check(form, posted);
        if (errors.Count > 0) return Form(http, intake, texts, antiforgery, answers, errors, StatusCodes.Status422UnprocessableEntity);

        intake.Answers = JsonSerializer.Serialize(answers, IntakeJson.Options);
        intake.Status = IntakeStatus.Completed;
        intake.CompletedAt = now;
        RecordEvent(db, intake, ClientEventKind.IntakeCompleted, now);
        db.Add(new AuditRecord
        {
            WorkspaceId = intake.WorkspaceId, Action = "intake.submit", ObjectType = "client", ObjectId = intake.ClientId.ToString(),
            OccurredAt = now, Outcome = AuditTrail.Success, CorrelationId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Message(http, intake.Language, texts, "intake.form.done.title", "intake.form.done.body", StatusCodes.Status200OK);
    }

    /// <summary>The intake behind a link, if the link may still be used (public: no workspace filter, a seek on the hash).</summary>
    static async Task<IntakeRequest?> FindUsableAsync(AppDbContext db, string token, DateTime now, CancellationToken cancellationToken)
    {
        if (!IntakeTokens.IsWellFormed(token)) return null;
        var hash = IntakeTokens.Hash(token);
        var intake = await db.IntakeRequests.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
        return intake is { Status: IntakeStatus.Sent or IntakeStatus.Opened } && intake.ExpiresAt > now ? intake : null;
    }

    static void RecordEvent(AppDbContext db, IntakeRequest intake, ClientEventKind kind, DateTime now) =>
        db.Add(new ClientEvent
        {
            Id = Guid.CreateVersion7(), WorkspaceId = intake.WorkspaceId, ClientId = intake.ClientId, Kind = kind, OccurredAt = now,
            ActorId = Guid.Empty, // the client, who has no account
            Detail = JsonSerializer.Serialize(new ClientEventDetail(Label: intake.TemplateName), JsonSerializerOptions.Web),
        });

    static IResult Gone(HttpContext http, TextCatalog texts, string language) =>
        Message(http, language, texts, "intake.form.gone.title", "intake.form.gone.body", StatusCodes.Status410Gone);

    static IResult Message(HttpContext http, string language, TextCatalog texts, string titleKey, string bodyKey, int status)
    {
        var nonce = NewNonce();
        Protect(http, nonce);
        var html = Document(language, texts.Text(language, titleKey), null, nonce, Paragraphs([texts.Text(language, bodyKey)]));
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    static IResult Form(HttpContext http, IntakeRequest intake, TextCatalog texts, IAntiforgery antiforgery, Dictionary<string, string[]>? posted, Dictionary<string, string>? errors, int status)
    {
        var language = intake.Language;
        string T(string key) => texts.Text(language, key);
        var form = IntakeTemplateEndpoints.FormOf(intake.Form);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var body = new StringBuilder();
        body.Append($"<p>{Encode(T("intake.form.intro"))}</p>");
        if (errors is { Count: > 0 }) body.Append(ErrorSummary(form, errors, T));
        body.Append($"<form method=\"post\" novalidate><input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken!)}\">");
        foreach (var section in form.Sections)
        {
            body.Append($"<fieldset><legend>{Encode(section.Title)}</legend>");
            foreach (var question in section.Questions)
                body.Append(Question(question, posted?.GetValueOrDefault(question.Id) ?? [], errors?.GetValueOrDefault(question.Id) is { } e ? T(e) : null, T));
            body.Append("</fieldset>");
        }
        body.Append($"<button type=\"submit\">{Encode(T("intake.form.submit"))}</button></form>");

        var nonce = NewNonce();
        Protect(http, nonce);
        // The page's title says there are errors first: it is what a screen reader reads when the page loads.
        var title = errors is { Count: > 0 } ? texts.Text(language, "intake.form.errorTitle", ("title", intake.TemplateName)) : intake.TemplateName;
        var html = Document(language, title, T("intake.form.title"), nonce, body.ToString(), heading: intake.TemplateName);
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>
    /// The answers to check, as links to their fields. The page has no script: `autofocus` puts focus on
    /// it when the page comes back with errors, and role="alert" has it read out.
    /// </summary>
    static string ErrorSummary(IntakeForm form, Dictionary<string, string> errors, Func<string, string> T)
    {
        var html = new StringBuilder($"<div class=\"summary\" role=\"alert\" tabindex=\"-1\" autofocus aria-labelledby=\"error-summary-title\"><p id=\"error-summary-title\">{Encode(T("intake.form.errorSummary"))}</p><ul>");
        foreach (var question in form.Questions.Where(q => errors.ContainsKey(q.Id)))
        {
            var target = question.Type is QuestionType.YesNo or QuestionType.SingleChoice or QuestionType.MultipleChoice ? $"{AnswerRules.FieldName(question)}-0" : AnswerRules.FieldName(question);
            html.Append($"<li><a href=\"#{Encode(target)}\">{Encode(question.Label)}: {Encode(T(errors[question.Id]))}</a></li>");
        }
        return html.Append("</ul></div>").ToString();
    }

    static string Question(IntakeQuestion q, string[] values, string? error, Func<string, string> T)
    {
        var name = AnswerRules.FieldName(q);
        var id = Encode(name);
        var required = q.Required ? $" <span aria-hidden=\"true\">*</span><span class=\"sr-only\" hidden>({Encode(T("intake.form.required"))})</span>" : "";
        var errorId = $"{id}-error";
        var described = error is null ? "" : $" aria-invalid=\"true\" aria-describedby=\"{errorId}\"";
        var requiredAttribute = q.Required ? " aria-required=\"true\"" : "";
        var errorHtml = error is null ? "" : $"<p class=\"error\" id=\"{errorId}\">{Encode(error)}</p>";
        var value = Encode(values.FirstOrDefault() ?? "");
        var html = new StringBuilder("<div class=\"question\">");
        switch (q.Type)
        {
            case QuestionType.ShortText:
                html.Append($"<label for=\"{id}\">{Encode(q.Label)}{required}</label>{errorHtml}<input type=\"text\" id=\"{id}\" name=\"{id}\" maxlength=\"{AnswerRules.MaxShortText}\" value=\"{value}\"{requiredAttribute}{described}>");
                break;
            case QuestionType.LongText:
                html.Append($"<label for=\"{id}\">{Encode(q.Label)}{required}</label>{errorHtml}<textarea id=\"{id}\" name=\"{id}\" maxlength=\"{AnswerRules.MaxLongText}\"{requiredAttribute}{described}>{value}</textarea>");
                break;
            case QuestionType.Date:
                html.Append($"<label for=\"{id}\">{Encode(q.Label)}{required}</label>{errorHtml}<input type=\"date\" id=\"{id}\" name=\"{id}\" value=\"{value}\"{requiredAttribute}{described}>");
                break;
            case QuestionType.Number:
                // The browser reads the number in the client's notation and submits it the invariant way.
                html.Append($"<label for=\"{id}\">{Encode(q.Label)}{required}</label>{errorHtml}<input type=\"number\" step=\"any\" inputmode=\"decimal\" id=\"{id}\" name=\"{id}\" value=\"{value}\"{requiredAttribute}{described}>");
                break;
            case QuestionType.Consent:
                html.Append($"{errorHtml}<div class=\"choice\"><input type=\"checkbox\" id=\"{id}\" name=\"{id}\" value=\"{AnswerRules.Yes}\"{(values.Contains(AnswerRules.Yes) ? " checked" : "")}{requiredAttribute}{described}><label for=\"{id}\">{Encode(q.Label)}{required}</label></div>");
                break;
            default:
                var (type, options) = q.Type switch
                {
                    QuestionType.YesNo => ("radio", new[] { (AnswerRules.Yes, T("intake.form.yes")), (AnswerRules.No, T("intake.form.no")) }),
                    QuestionType.SingleChoice => ("radio", q.Options!.Select(o => (o, o)).ToArray()),
                    _ => ("checkbox", q.Options!.Select(o => (o, o)).ToArray()),
                };
                // A group of choices: aria-invalid belongs on its inputs (a fieldset's role takes none), the
                // message is the group's description.
                var groupDescribed = error is null ? "" : $" aria-describedby=\"{errorId}\"";
                var choiceInvalid = error is null ? "" : " aria-invalid=\"true\"";
                html.Append($"<fieldset{groupDescribed}><legend>{Encode(q.Label)}{required}</legend>{errorHtml}");
                for (var i = 0; i < options.Length; i++)
                {
                    var (optionValue, optionLabel) = options[i];
                    html.Append($"<div class=\"choice\"><input type=\"{type}\" id=\"{id}-{i}\" name=\"{id}\" value=\"{Encode(optionValue)}\"{(values.Contains(optionValue) ? " checked" : "")}{choiceInvalid}><label for=\"{id}-{i}\">{Encode(optionLabel)}</label></div>");
                }
                html.Append("</fieldset>");
                break;
        }
        return html.Append("</div>").ToString();
    }

    static void Protect(HttpContext http, string nonce)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
        http.Response.Headers.CacheControl = "no-store";
    }
}
