namespace OutlookCrm.Service.Audit;

/// <summary>
/// One line of the append-only audit trail: who did what to which object, when, with what outcome.
/// Never holds client data itself (no names, addresses or subjects), so it survives erasure.
/// </summary>
public sealed class AuditRecord
{
    public long Sequence { get; set; }
    public Guid? WorkspaceId { get; set; }
    public Guid? TenantId { get; set; }
    public Guid? UserId { get; set; }
    public string Action { get; set; } = "";
    public string? ObjectType { get; set; }
    public string? ObjectId { get; set; }
    public DateTime OccurredAt { get; set; }
    /// <summary>success, or the problem code of a refusal (not-found, forbidden, email-in-use, …).</summary>
    public string Outcome { get; set; } = "";
    public string CorrelationId { get; set; } = "";
}
