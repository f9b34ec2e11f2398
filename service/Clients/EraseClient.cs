using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Attachments;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Clients;

/// <summary>
/// Right to be forgotten: the client, its addresses, field values, saved emails and events go (the
/// database cascades), and so do kept idempotent responses that quoted the record. What remains is
/// the audit trail, which holds ids and actions only: the tombstone. Attachment contents no other
/// record lists are removed from the store right after.
/// </summary>
public static class EraseClient
{
    public static async Task<NoContent> HandleAsync(Guid id, AppDbContext db, WriteUnit unit, AttachmentCleanup attachments, CancellationToken cancellationToken)
    {
        await unit.RunAsync([LockKey.Client(id)], async ct =>
        {
            var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw ApiProblem.NotFound("client");
            db.Clients.Remove(client);
            var idText = id.ToString();
            await db.IdempotencyRecords.Where(r => r.ResponseBody.Contains(idText)).ExecuteDeleteAsync(ct);
        }, cancellationToken);
        await attachments.RemoveUnlistedAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
