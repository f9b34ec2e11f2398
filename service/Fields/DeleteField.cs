using Microsoft.AspNetCore.Http.HttpResults;
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
    public static async Task<NoContent> HandleAsync(Guid fieldId, AppDbContext db, WriteUnit unit, CurrentUser user, TimeProvider clock, CancellationToken cancellationToken)
    {
        await unit.RunAsync([LockKey.FieldDefinitions], async ct =>
        {
            var field = await db.FieldDefinitions.FirstOrDefaultAsync(f => f.Id == fieldId, ct) ?? throw ApiProblem.NotFound("field");
            var clients = await ClientRecords.ForChange(db.Clients.Where(c => c.FieldValues.Any(v => v.FieldId == fieldId))).ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var client in clients)
            {
                var change = new ClientRecordChange(db, client, user, now);
                client.FieldValues.RemoveAll(v => v.FieldId == fieldId);
                change.Record(ClientEventKind.FieldCleared, new ClientEventDetail(Label: field.Label));
                change.Finish();
            }
            db.FieldDefinitions.Remove(field);
        }, cancellationToken);
        return TypedResults.NoContent();
    }
}
