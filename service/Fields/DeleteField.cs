using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Fields;

/// <summary>Deleting a field definition clears it on every client that had a value (their versions move on).</summary>
public static class DeleteField
{
    public static async Task<IResult> HandleAsync(Guid fieldId, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteLock.BeginAsync(db, [EmailFieldSlots.DefinitionsLockKey], cancellationToken);
        var field = await db.FieldDefinitions.FirstOrDefaultAsync(f => f.Id == fieldId, cancellationToken) ?? throw ApiProblem.NotFound("field");
        var clients = await db.Clients
            .Where(c => c.FieldValues.Any(v => v.FieldId == fieldId))
            .Include(c => c.FieldValues).Include(c => c.SearchTerms)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var client in clients)
        {
            client.FieldValues.RemoveAll(v => v.FieldId == fieldId);
            ClientWrites.Touch(client, user, now);
            ClientEvents.Record(db, client, ClientEventKind.FieldCleared, user, now, new ClientEventDetail(Label: field.Label));
        }
        db.FieldDefinitions.Remove(field);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
