using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Audit;

public sealed record AuditEntry(long Sequence, Guid? UserId, string Action, string? ObjectType, string? ObjectId, DateTime OccurredAt, string Outcome, bool Replay, string CorrelationId, IReadOnlyList<Guid> RevealedClients)
{
    internal static AuditEntry From(AuditRecord a) =>
        new(a.Sequence, a.UserId, a.Action, a.ObjectType, a.ObjectId, a.OccurredAt, a.Outcome, a.Replay, a.CorrelationId, AuditRevealed.Parse(a.RevealedClients));
}
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, string? NextCursor);

public static class AuditEndpoints
{
    const string CursorPurpose = "OutlookCrm.Audit.Cursor.v1";

    public static RouteHandlerBuilder Audit(this RouteHandlerBuilder endpoint, string action, string objectType, string? routeKey = "id") =>
        endpoint.WithMetadata(new Audited(action, objectType, routeKey));

    /// <summary>No endpoint changes audit records; archiving (<see cref="AuditArchiving"/>) is the one way they leave.</summary>
    public static void MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAsync).WithTags("Audit").WithName("Audit")
            .WithSummary("The workspace's audit trail, newest first (admins only).")
            .AddEndpointFilter<RequireAdmin>()
            .Audit("audit.read", "audit", routeKey: null);
        api.MapAuditArchiving();
    }

    static async Task<AuditPage> ListAsync(
        Guid? clientId, Guid? userId, string? action, DateTime? from, DateTime? to, string? cursor, string? limit, AppDbContext db, CurrentUser user,
        SealedCursor cursors, CancellationToken cancellationToken)
    {
        var pageSize = PageSize.Audit.Parse(limit);
        // The last sequence shown, bound to the workspace and the filters (a cursor of another question is refused).
        var scope = $"{user.WorkspaceId:N}|{clientId:N}|{userId:N}|{action}|{from:O}|{to:O}";
        long? before = null;
        if (cursor is not null) before = long.TryParse(cursors.Open(CursorPurpose, scope, cursor), out var sequence) ? sequence : throw ApiProblem.InvalidCursor();
        var rows = await PageQuery(db, clientId, userId, action, from, to, before, pageSize + 1).ToListAsync(cancellationToken);
        var items = rows.Take(pageSize).Select(AuditEntry.From).ToList();
        return new AuditPage(items, rows.Count > pageSize ? cursors.Seal(CursorPurpose, scope, items[^1].Sequence.ToString()) : null);
    }

    /// <summary>A page of the trail, newest first (internal: its SQL Server text is checked by tests).</summary>
    internal static IQueryable<AuditRecord> PageQuery(AppDbContext db, Guid? clientId, Guid? userId, string? action, DateTime? from, DateTime? to, long? before, int take)
    {
        var query = db.AuditRecords.AsNoTracking();
        if (clientId is { } client)
        {
            // Calls on the client's record, and calls that showed it among others (lookups, lists).
            // Not index-backed for the revealed part: an admin's rare question, scanned within the workspace.
            var objectId = client.ToString();
            var revealed = AuditRevealed.Token(client);
            var revealedBefore = AuditRevealed.HexToken(client);
            query = query.Where(a => a.ObjectId == objectId || a.RevealedClients!.Contains(revealed) || a.RevealedClients!.Contains(revealedBefore));
        }
        if (userId is not null) query = query.Where(a => a.UserId == userId);
        if (!string.IsNullOrEmpty(action)) query = query.Where(a => a.Action == action);
        if (from is not null) query = query.Where(a => a.OccurredAt >= from.Value.ToUniversalTime());
        if (to is not null) query = query.Where(a => a.OccurredAt < to.Value.ToUniversalTime());
        if (before is { } lastShown) query = query.Where(a => a.Sequence < lastShown);
        return query.OrderByDescending(a => a.Sequence).Take(take);
    }
}
