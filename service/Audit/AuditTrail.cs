using System.Diagnostics;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Audit;

/// <summary>
/// The audit record of this request. It is added to the unit of work before the handler runs, so a
/// change and its audit record commit in one transaction; a handler that creates an object names it
/// with <see cref="Target"/>.
/// </summary>
public sealed class AuditTrail(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    public const string Success = "success";
    const string AuditedKey = "outlookcrm.audited";

    public static bool WasAudited(HttpContext http) => http.Items.ContainsKey(AuditedKey);
    public static void MarkAudited(HttpContext http) => http.Items[AuditedKey] = true;

    public AuditRecord? Pending { get; private set; }

    public void Begin(Audited audited, string? objectId, HttpContext http)
    {
        Pending = New(audited.Action, audited.ObjectType, objectId, http);
        db.Add(Pending);
    }

    public void Target(Guid objectId)
    {
        if (Pending is not null) Pending.ObjectId = objectId.ToString();
    }

    public AuditRecord New(string action, string? objectType, string? objectId, HttpContext http) => new()
    {
        WorkspaceId = user.IsResolved ? user.WorkspaceId : null,
        TenantId = user.IsResolved ? user.TenantId : null,
        UserId = user.IsResolved ? user.UserId : null,
        Action = action,
        ObjectType = objectType,
        ObjectId = objectId,
        OccurredAt = clock.GetUtcNow().UtcDateTime,
        Outcome = Success,
        CorrelationId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier,
    };
}
