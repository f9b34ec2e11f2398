namespace OutlookCrm.Service.Audit;

/// <summary>
/// One line of the append-only audit trail: who did what to which object, when, with what outcome.
/// Never holds client data itself (no names, addresses or subjects), so it survives erasure.
/// </summary>
public sealed class AuditRecord
{
    public long Sequence { get; set; }
    public Guid? WorkspaceId { get; set; }
    /// <summary>Set only when <see cref="WorkspaceId"/> is not (a call refused before its workspace was known): a workspace has one tenant, and the copy cost every record 36 bytes.</summary>
    public Guid? TenantId { get; set; }
    public Guid? UserId { get; set; }
    public string Action { get; set; } = "";
    public string? ObjectType { get; set; }
    public string? ObjectId { get; set; }
    public DateTime OccurredAt { get; set; }
    /// <summary>What the caller got: success (2xx), or the problem code of a refusal (not-found, email-in-use, …).</summary>
    public string Outcome { get; set; } = "";
    /// <summary>An Idempotency-Key retry answered with the kept response; <see cref="Outcome"/> is that response's.</summary>
    public bool Replay { get; set; }
    public string CorrelationId { get; set; } = "";
    /// <summary>
    /// Clients the response showed beyond <see cref="ObjectId"/> (a lookup's matches, a list's page):
    /// their ids in compact form, space-separated (<see cref="AuditRevealed"/>). One column rather than a table of rows: every
    /// lookup writes one, and a second table (and its index) halved lookup throughput (BENCHMARKS.md).
    /// </summary>
    public string? RevealedClients { get; set; }
}
