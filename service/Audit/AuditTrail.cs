using System.Diagnostics;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Audit;

/// <summary>
/// The one audit record of this request. A <see cref="WriteUnit"/> commits it with the change it
/// describes; otherwise <see cref="AuditFilter"/> writes it once the response is known. Either way
/// its outcome is what the caller got.
/// </summary>
public sealed class AuditTrail(CurrentUser user, TimeProvider clock)
{
    public const string Success = "success";
    const string AuditedKey = "outlookcrm.audited";

    AuditRecord? pending;
    readonly HashSet<Guid> revealed = [];
    (string Outcome, bool Replay) committedAs = (Success, false);

    public static bool WasAudited(HttpContext http) => http.Items.ContainsKey(AuditedKey);
    public static void MarkAudited(HttpContext http) => http.Items[AuditedKey] = true;

    public bool IsCommitted { get; private set; }

    public void Begin(Audited audited, string? objectId, HttpContext http)
    {
        pending = New(audited.Action, audited.ObjectType, objectId, http);
        MarkAudited(http);
    }

    /// <summary>Begins the record of work the service does for <see cref="CurrentUser"/> after their request (a background job), named by its own action.</summary>
    public void BeginWithoutRequest(string action, string objectType) =>
        pending = New(action, objectType, null, Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N"));

    /// <summary>Names the object a call created (its id was not in the route).</summary>
    public void Target(Guid objectId)
    {
        if (pending is not null) pending.ObjectId = objectId.ToString();
    }

    /// <summary>Clients whose data the response shows (a lookup's matches), so "who saw client X" finds this call.</summary>
    public void Reveal(IEnumerable<Guid> clientIds) => revealed.UnionWith(clientIds);

    /// <summary>
    /// The unit commits an answer other than success: a refusal kept for idempotent retries (its 409),
    /// or the replay of a kept response (its original outcome).
    /// </summary>
    public void CommitsAs(string outcome, bool replay = false) => committedAs = (outcome, replay);

    /// <summary>Adds this request's record to the unit of work (a fresh copy per attempt: a retried unit starts from a clean tracker).</summary>
    internal void JoinUnitOfWork(AppDbContext db)
    {
        if (pending is null || IsCommitted) return;
        db.Add(Complete(committedAs.Outcome, committedAs.Replay));
    }

    internal void MarkCommitted() => IsCommitted = pending is not null;

    /// <summary>The record with its outcome, for the <see cref="AuditWriter"/>.</summary>
    internal AuditRecord Complete(string outcome, bool replay)
    {
        var record = pending ?? throw new InvalidOperationException("No audited call has begun.");
        return new AuditRecord
        {
            WorkspaceId = record.WorkspaceId,
            TenantId = record.TenantId,
            UserId = record.UserId,
            Action = record.Action,
            ObjectType = record.ObjectType,
            ObjectId = record.ObjectId,
            OccurredAt = record.OccurredAt,
            Outcome = outcome,
            Replay = replay,
            CorrelationId = record.CorrelationId,
            RevealedClients = AuditRevealed.Format(revealed),
        };
    }

    public AuditRecord New(string action, string? objectType, string? objectId, HttpContext http) =>
        New(action, objectType, objectId, Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);

    AuditRecord New(string action, string? objectType, string? objectId, string correlationId) => new()
    {
        WorkspaceId = user.IsResolved ? user.WorkspaceId : null,
        UserId = user.IsResolved ? user.UserId : null,
        Action = action,
        ObjectType = objectType,
        ObjectId = objectId,
        OccurredAt = clock.GetUtcNow().UtcDateTime,
        Outcome = Success,
        CorrelationId = correlationId,
    };
}
