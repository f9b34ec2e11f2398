namespace OutlookCrm.Service.Attachments;

/// <summary>One attachment as the mailbox lists it; the name and content type are the sender's, untrusted.</summary>
public sealed record MailboxAttachment(string Id, string? Name, string? ContentType, long Size, bool IsFile, bool IsInline);

public sealed record MailboxMessageAttachments(string MessageId, IReadOnlyList<MailboxAttachment> Attachments);

/// <summary>The mailbox could not be read (throttled past its retries, down, or the user must consent again).</summary>
public sealed class MailboxAttachmentsUnavailable(Exception inner) : Exception("The mailbox's attachments could not be read.", inner);

/// <summary>The seam to the attachments of a message in the signed-in user's mailbox (Microsoft Graph in production).</summary>
public interface IMailboxAttachments
{
    /// <summary>The message's attachments, or null when the mailbox has no message with this Internet message id (or there is no mailbox).</summary>
    Task<MailboxMessageAttachments?> FindAsync(string internetMessageId, CancellationToken cancellationToken);

    Task<Stream> OpenAsync(string messageId, string attachmentId, CancellationToken cancellationToken);
}

/// <summary>Development without Entra: no mailbox, so an email is saved without its attachments.</summary>
public sealed class NotConnectedMailboxAttachments : IMailboxAttachments
{
    public Task<MailboxMessageAttachments?> FindAsync(string internetMessageId, CancellationToken cancellationToken) =>
        Task.FromResult<MailboxMessageAttachments?>(null);

    public Task<Stream> OpenAsync(string messageId, string attachmentId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("There is no mailbox to read.");
}
