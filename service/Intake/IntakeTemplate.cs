namespace OutlookCrm.Service.Intake;

/// <summary>A workspace's intake: the email that goes out and the form the client fills in.</summary>
public sealed class IntakeTemplate
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public string Name { get; set; } = "";
    public string EmailSubject { get; set; } = "";
    public string EmailMessage { get; set; } = "";
    /// <summary>The <see cref="IntakeForm"/> as JSON.</summary>
    public string Form { get; set; } = "";
    public string Language { get; set; } = "en";
    /// <summary>The built-in "New client intake" as shipped: sent in whatever language the sender picks, until an admin edits it.</summary>
    public bool IsBuiltIn { get; set; }
    public long Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedBy { get; set; }
}

public enum IntakeStatus { Sent, Opened, Completed, Revoked }

/// <summary>
/// How the link reached the client. Pending from the commit that created the link until the send's
/// outcome is recorded; a pending one that stays so (the service stopped in between) shows as not sent.
/// </summary>
public enum IntakeDelivery { Pending, Sent, Failed, Manual }

/// <summary>
/// One intake sent to one client. The link's token is never stored, only its SHA-256; the form is
/// copied at sending so later template edits do not change what the client was asked.
/// </summary>
public sealed class IntakeRequest
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ClientId { get; set; }
    public Guid TemplateId { get; set; }
    public string TemplateName { get; set; } = "";
    public string Form { get; set; } = "";
    public string Language { get; set; } = "en";
    public string TokenHash { get; set; } = "";
    public IntakeStatus Status { get; set; }
    public string SentTo { get; set; } = "";
    public DateTime SentAt { get; set; }
    public Guid SentBy { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? OpenedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public int TimesSent { get; set; }
    public IntakeDelivery Delivery { get; set; }
    /// <summary>Why the last send failed: the problem code the pane explains (mail-consent-required, mail-unavailable).</summary>
    public string? DeliveryProblem { get; set; }
    /// <summary>Answers by question id, as JSON; set once, when the client submits.</summary>
    public string? Answers { get; set; }
}
