using OutlookCrm.Service.History;

namespace OutlookCrm.Service.Mailbox;

public enum MailboxState { Ok, Unavailable, ConsentRequired, NotConnected }

public sealed record MailboxMessage(
    string Id,
    string? InternetMessageId,
    string? Subject,
    EmailParticipant? From,
    IReadOnlyList<EmailParticipant> To,
    IReadOnlyList<EmailParticipant> Cc,
    DateTime ReceivedAt,
    string? Preview,
    string? WebLink);

public sealed record MailboxChallenge(IReadOnlyList<string> Scopes, string? Claims);

/// <summary>Messages older than <c>before</c> (newest first), or why there are none.</summary>
public sealed record MailboxResult(MailboxState State, IReadOnlyList<MailboxMessage> Messages, MailboxChallenge? Challenge = null)
{
    public static MailboxResult Of(MailboxState state) => new(state, []);
}

/// <summary>The seam to the user's mailbox (Microsoft Graph in production).</summary>
public interface IMailboxHistory
{
    Task<MailboxResult> FindAsync(IReadOnlyList<string> addresses, HistoryPosition? before, int count, CancellationToken cancellationToken);
}

/// <summary>Development without Entra: no mailbox to read; the history shows saved emails and events.</summary>
public sealed class NotConnectedMailbox : IMailboxHistory
{
    public Task<MailboxResult> FindAsync(IReadOnlyList<string> addresses, HistoryPosition? before, int count, CancellationToken cancellationToken) =>
        Task.FromResult(MailboxResult.Of(MailboxState.NotConnected));
}
