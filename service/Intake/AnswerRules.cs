using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;

namespace OutlookCrm.Service.Intake;

/// <summary>Checks a submitted form against its questions; errors are catalog keys, shown in the client's language.</summary>
public static partial class AnswerRules
{
    public const int MaxShortText = 200;
    public const int MaxLongText = 4000;
    public const string Yes = "yes";
    public const string No = "no";

    public static string FieldName(IntakeQuestion question) => "q-" + question.Id;

    public static (Dictionary<string, string[]> Answers, Dictionary<string, string> Errors) Check(IntakeForm form, IFormCollection posted)
    {
        var answers = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in form.Questions)
        {
            var values = Clean(posted[FieldName(question)]);
            answers[question.Id] = values;
            if (ErrorOf(question, values) is { } error) errors[question.Id] = error;
        }
        return (answers, errors);
    }

    static string? ErrorOf(IntakeQuestion q, string[] values)
    {
        if (values.Length == 0) return q.Required ? "intake.form.error.required" : null;
        return q.Type switch
        {
            QuestionType.ShortText => values.Length > 1 || values[0].Length > MaxShortText ? "intake.form.error.tooLong" : null,
            QuestionType.LongText => values.Length > 1 || values[0].Length > MaxLongText ? "intake.form.error.tooLong" : null,
            QuestionType.Date => values.Length > 1 || !DateOnly.TryParseExact(values[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? "intake.form.error.date" : null,
            QuestionType.SingleChoice => values.Length > 1 || !q.Options!.Contains(values[0]) ? "intake.form.error.choice" : null,
            QuestionType.MultipleChoice => values.Any(v => !q.Options!.Contains(v)) || values.Distinct().Count() != values.Length ? "intake.form.error.choice" : null,
            QuestionType.YesNo => values.Length > 1 || values[0] is not (Yes or No) ? "intake.form.error.choice" : null,
            QuestionType.Number => values.Length > 1 || !InvariantNumber().IsMatch(values[0]) ? "intake.form.error.number" : null,
            QuestionType.Consent => values.Length > 1 || values[0] != Yes ? (q.Required ? "intake.form.error.required" : "intake.form.error.choice") : null,
            _ => "intake.form.error.choice",
        };
    }

    // Line breaks are kept in long answers; other control characters never reach the record.
    static string[] Clean(StringValues values) =>
        values.Select(v => new string((v ?? "").Where(c => !char.IsControl(c) || c is '\n').ToArray()).Replace("\r", "").Trim())
            .Where(v => v.Length > 0)
            .Take(50)
            .ToArray();

    // What a browser's number input submits, in the one notation the pane formats for its reader: no
    // grouping, a point for decimals, no exponent; 15 digits keep it exact as a double.
    [GeneratedRegex(@"^-?\d{1,15}(\.\d{1,6})?$")]
    private static partial Regex InvariantNumber();
}
