using System.ComponentModel.DataAnnotations;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Intake;

public sealed record IntakeTemplateDto(Guid Id, string Name, string EmailSubject, string EmailMessage, IntakeForm Form, string Language, string Version, DateTime UpdatedAt);
public sealed record IntakeTemplateList(IReadOnlyList<IntakeTemplateDto> Items);

public sealed record IntakeQuestionInput(string? Id, string? Label, string? Type, bool Required, List<string?>? Options);
public sealed record IntakeSectionInput(string? Title, List<IntakeQuestionInput?>? Questions);
public sealed record IntakeTemplateInput(string? Name, string? EmailSubject, string? EmailMessage, string? Language, List<IntakeSectionInput?>? Sections);

public sealed record SendIntakeRequest(Guid? TemplateId, string? Language);

/// <summary>
/// An intake as the staff sees it; answers only once completed. <c>Link</c> only in the answer to
/// sending or resending with manual delivery, for the practitioner to pass on (only its hash is kept).
/// </summary>
public sealed record IntakeDto(
    Guid Id,
    Guid ClientId,
    Guid TemplateId,
    string TemplateName,
    [property: AllowedValues("sending", "notSent", "sent", "opened", "completed", "revoked", "expired")] string Status,
    string Language,
    string SentTo,
    DateTime SentAt,
    DateTime ExpiresAt,
    DateTime? OpenedAt,
    DateTime? CompletedAt,
    DateTime? RevokedAt,
    int TimesSent,
    IReadOnlyList<IntakeAnswerDto>? Answers,
    [property: AllowedValues("pending", "sent", "failed", "manual")] string Delivery,
    [property: AllowedValues(ProblemCodes.MailConsentRequired, ProblemCodes.MailUnavailable)] string? DeliveryProblem,
    string? Link = null);

public sealed record IntakeAnswerDto(string QuestionId, string Section, string Question, QuestionType Type, IReadOnlyList<string> Values);

public sealed record IntakeList(IReadOnlyList<IntakeDto> Items);

/// <summary>An email as the development outbox keeps it (Development has no mailbox to send from).</summary>
public sealed record OutboxMessage(Guid Id, string To, string Subject, string Body, string Link, DateTime SentAt);
