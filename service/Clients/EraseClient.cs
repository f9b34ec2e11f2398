using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Clients;

/// <summary>
/// Right to be forgotten: the client, its addresses, field values, saved emails and events go (the
/// database cascades), and so do kept idempotent responses that quoted the record. What remains is
/// the audit trail, which holds ids and actions only: the tombstone.
/// </summary>
public static class EraseClient
{
    public static async Task<IResult> HandleAsync(Guid id, AppDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteLock.BeginAsync(db, [$"client:{id:N}"], cancellationToken);
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw ApiProblem.NotFound("client");
        db.Clients.Remove(client);
        var idText = id.ToString();
        await db.IdempotencyRecords.Where(r => r.ResponseBody.Contains(idText)).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
