namespace OutlookCrm.Service.Attachments;

/// <summary>Why an attachment of a saved email was listed but not stored.</summary>
public static class SkipReasons
{
    public const string FileTooLarge = "file-too-large";
    public const string EmailTooLarge = "email-too-large";
    /// <summary>An attached Outlook item or a cloud link: not a file to keep.</summary>
    public const string NotAFile = "not-a-file";
}

/// <summary>One attachment as listed under one saved email: its name as text, and its stored content or why it was skipped.</summary>
public sealed class EmailAttachment
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ClientId { get; set; }
    public Guid SavedEmailId { get; set; }
    /// <summary>Shown as text only (see <see cref="AttachmentNames"/>); never a path or a blob name.</summary>
    public string Name { get; set; } = "";
    public long Size { get; set; }
    /// <summary>What the sender declared; kept for the record, never used to serve the file.</summary>
    public string? DeclaredContentType { get; set; }
    public Guid? StoredAttachmentId { get; set; }
    public string? SkipReason { get; set; }
    public int Position { get; set; }
}

/// <summary>A workspace's copy of one content (by SHA-256): an attachment sent twice is stored once and listed under each email.</summary>
public sealed class StoredAttachment
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public string StorageKey { get; set; } = "";
    public DateTime StoredAt { get; set; }
}
