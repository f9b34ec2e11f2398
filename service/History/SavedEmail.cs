namespace OutlookCrm.Service.History;

/// <summary>
/// An email a team member saved to a client's record: metadata and a short plain-text preview only,
/// never the body (health data stays minimal).
/// </summary>
public sealed class SavedEmail
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ClientId { get; set; }
    public string InternetMessageId { get; set; } = "";
    public string? ItemId { get; set; }
    /// <summary>Outlook's conversation id (opaque): later emails of the conversation offer to be saved too.</summary>
    public string? ConversationId { get; set; }
    public string Subject { get; set; } = "";
    public string FromAddress { get; set; } = "";
    public string? FromName { get; set; }
    /// <summary>JSON array of {name, address}.</summary>
    public string To { get; set; } = "[]";
    public string Cc { get; set; } = "[]";
    public DateTime SentAt { get; set; }
    public string Preview { get; set; } = "";
    public DateTime SavedAt { get; set; }
    public Guid SavedBy { get; set; }
}
