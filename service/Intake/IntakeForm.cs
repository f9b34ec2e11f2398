namespace OutlookCrm.Service.Intake;

public enum QuestionType { ShortText, LongText, Date, SingleChoice, MultipleChoice, YesNo, Consent, Number }

public sealed record IntakeQuestion(string Id, string Label, QuestionType Type, bool Required, IReadOnlyList<string>? Options = null);

public sealed record IntakeSection(string Title, IReadOnlyList<IntakeQuestion> Questions);

/// <summary>The questions of an intake form, in sections.</summary>
public sealed record IntakeForm(IReadOnlyList<IntakeSection> Sections)
{
    public IEnumerable<IntakeQuestion> Questions => Sections.SelectMany(s => s.Questions);
}
