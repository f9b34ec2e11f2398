using System.Text.Json;
using OutlookCrm.Service.Localization;

namespace OutlookCrm.Service.Intake;

/// <summary>The "New client intake" every workspace starts with, in the language of whoever first asks.</summary>
public static class DefaultTemplate
{
    /// <summary>The built-in template speaks every catalog language; an edited or custom one speaks its own.</summary>
    public static IntakeTemplate InLanguage(IntakeTemplate template, string language, TextCatalog texts)
    {
        if (!template.IsBuiltIn || template.Language == language) return template;
        var translated = Create(texts, language, template.WorkspaceId, template.CreatedBy, template.CreatedAt);
        translated.Id = template.Id;
        return translated;
    }

    public static IntakeTemplate Create(TextCatalog texts, string language, Guid workspaceId, Guid userId, DateTime now)
    {
        string T(string key) => texts.Text(language, "intake.default." + key);
        var form = new IntakeForm(
        [
            new(T("section.contact"),
            [
                new("full-name", T("q.fullName"), QuestionType.ShortText, true),
                new("date-of-birth", T("q.dateOfBirth"), QuestionType.Date, false),
                new("phone", T("q.phone"), QuestionType.ShortText, false),
                new("details-correct", T("q.detailsCorrect"), QuestionType.YesNo, true),
            ]),
            new(T("section.emergency"),
            [
                new("emergency-name", T("q.emergencyName"), QuestionType.ShortText, false),
                new("emergency-phone", T("q.emergencyPhone"), QuestionType.ShortText, false),
                new("emergency-relation", T("q.emergencyRelation"), QuestionType.ShortText, false),
            ]),
            new(T("section.reason"),
            [
                new("reason", T("q.reason"), QuestionType.LongText, true),
                new("how-heard", T("q.howHeard"), QuestionType.SingleChoice, false, [T("o.referral"), T("o.friend"), T("o.search"), T("o.other")]),
            ]),
            new(T("section.consent"),
            [
                new("consent", T("q.consent"), QuestionType.Consent, true),
            ]),
        ]);
        return new IntakeTemplate
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            Name = T("name"),
            EmailSubject = T("subject"),
            EmailMessage = T("message"),
            Form = JsonSerializer.Serialize(form, IntakeJson.Options),
            Language = language,
            IsBuiltIn = true,
            Version = 1,
            CreatedAt = now,
            CreatedBy = userId,
            UpdatedAt = now,
            UpdatedBy = userId,
        };
    }
}

public static class IntakeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };
}
