using System.Text.RegularExpressions;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Localization;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Intake;

/// <summary>Validates a template sent by an admin and turns it into a form; every refusal names its place.</summary>
public static partial class TemplateRules
{
    public const int MaxSections = 20;
    public const int MaxQuestions = 100;
    public const int MaxOptions = 20;

    public static (string Name, string Subject, string Message, string Language, IntakeForm Form) Validate(IntakeTemplateInput input, TextCatalog texts)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(string property, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value)) errors[property] = ["Required."];
            else if (value.Trim().Length > max) errors[property] = [$"At most {max} characters."];
        }
        Check("name", input.Name, 100);
        Check("emailSubject", input.EmailSubject, 200);
        Check("emailMessage", input.EmailMessage, 4000);
        var language = input.Language ?? TextCatalog.DefaultLanguage;
        if (!texts.Languages.Contains(language, StringComparer.OrdinalIgnoreCase)) errors["language"] = [$"One of {string.Join(", ", texts.Languages)}."];

        var sections = new List<IntakeSection>();
        if (input.Sections is not { Count: > 0 and <= MaxSections })
            errors["sections"] = [$"1 to {MaxSections} sections."];
        else
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var total = 0;
            for (var s = 0; s < input.Sections.Count; s++)
            {
                var section = input.Sections[s];
                var at = $"sections[{s}]";
                if (section is null) { errors[at] = ["Required."]; continue; }
                Check($"{at}.title", section.Title, 200);
                if (section.Questions is not { Count: > 0 }) { errors[$"{at}.questions"] = ["At least one question."]; continue; }
                var questions = new List<IntakeQuestion>();
                for (var q = 0; q < section.Questions.Count; q++)
                {
                    total++;
                    if (Question(section.Questions[q], $"{at}.questions[{q}]", ids, errors) is { } question) questions.Add(question);
                }
                sections.Add(new IntakeSection(section.Title?.Trim() ?? "", questions));
            }
            if (total > MaxQuestions) errors["sections"] = [$"At most {MaxQuestions} questions in all."];
        }
        if (errors.Count > 0) throw ApiProblem.Validation(errors);
        var canonical = texts.Languages.First(l => l.Equals(language, StringComparison.OrdinalIgnoreCase));
        return (input.Name!.Trim(), input.EmailSubject!.Trim(), input.EmailMessage!.Trim(), canonical, new IntakeForm(sections));
    }

    static IntakeQuestion? Question(IntakeQuestionInput? input, string at, HashSet<string> ids, Dictionary<string, string[]> errors)
    {
        if (input is null) { errors[at] = ["Required."]; return null; }
        if (string.IsNullOrWhiteSpace(input.Label) || input.Label.Trim().Length > 300) errors[$"{at}.label"] = ["1 to 300 characters."];
        if (!EnumValue.TryParse<QuestionType>(input.Type, out var type))
        {
            errors[$"{at}.type"] = ["One of shortText, longText, date, number, singleChoice, multipleChoice, yesNo, consent."];
            return null;
        }
        var id = string.IsNullOrWhiteSpace(input.Id) ? $"q{ids.Count + 1}" : input.Id.Trim();
        if (!QuestionId().IsMatch(id)) errors[$"{at}.id"] = ["Letters, digits and dashes, at most 40."];
        else if (!ids.Add(id)) errors[$"{at}.id"] = ["Question ids must be unique."];

        List<string>? options = null;
        if (type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
        {
            options = input.Options?.Select(o => o?.Trim() ?? "").ToList();
            if (options is not { Count: >= 2 and <= MaxOptions } || options.Any(o => o.Length is 0 or > 100) || options.Distinct().Count() != options.Count)
                errors[$"{at}.options"] = [$"2 to {MaxOptions} distinct options of 1 to 100 characters."];
        }
        return new IntakeQuestion(id, input.Label?.Trim() ?? "", type, input.Required, options);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,40}$")]
    private static partial Regex QuestionId();
}
