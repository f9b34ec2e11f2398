using System.ComponentModel.DataAnnotations;
using OutlookCrm.Service.Attachments;

namespace OutlookCrm.Service.History;

public sealed record EmailParticipant(string? Name, string Address);

/// <summary>
/// One entry of a client's history. <c>Kind</c>: mailbox-email, saved-email or event;
/// <c>Source</c>: mailbox (live from Graph), team (saved to the record) or record (record events).
/// <c>ActorName</c>: the team member who saved the email or made the change, by the name their latest
/// sign-in gave (null when unknown).
/// </summary>
public sealed record HistoryItem(
    string Id,
    [property: AllowedValues("mailbox-email", "saved-email", "event")] string Kind,
    string Source,
    DateTime OccurredAt,
    string? Subject,
    EmailParticipant? From,
    IReadOnlyList<EmailParticipant> To,
    IReadOnlyList<EmailParticipant> Cc,
    string? Preview,
    string? InternetMessageId,
    string? ItemId,
    string? WebLink,
    bool InMailbox,
    Guid? SavedBy,
    Guid? SavedEmailId,
    HistoryEvent? Event,
    string? ActorName = null,
    IReadOnlyList<HistoryAttachment>? Attachments = null);

public sealed record HistoryEvent(ClientEventKind Type, Guid ActorId, string? Address, string? As, string? Label, IReadOnlyList<string>? Properties);

public sealed record HistorySources([property: AllowedValues("ok", "unavailable", "consent-required", "not-connected")] string Mailbox);

public sealed record MailboxChallengeDto(IReadOnlyList<string> Scopes, string? Claims);

public sealed record HistoryPage(IReadOnlyList<HistoryItem> Items, string? NextCursor, HistorySources Sources, MailboxChallengeDto? MailboxChallenge);

public sealed record SaveEmailRequest(
    string? InternetMessageId,
    string? ItemId,
    string? Subject,
    EmailParticipant? From,
    List<EmailParticipant?>? To,
    List<EmailParticipant?>? Cc,
    DateTimeOffset? SentAt,
    string? Preview,
    string? ConversationId = null);

/// <param name="Attachments">Listed under the email as saved: stored, or skipped with the reason.</param>
public sealed record SavedEmailDto(Guid Id, Guid ClientId, string InternetMessageId, string Subject, DateTime SentAt, DateTime SavedAt, Guid SavedBy, IReadOnlyList<HistoryAttachment>? Attachments = null);

public sealed record SavedEmailList(IReadOnlyList<SavedEmailDto> Items);
