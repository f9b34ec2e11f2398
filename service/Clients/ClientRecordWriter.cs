using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Clients;

/// <summary>
/// Every change to a client's record goes through here: under the client's lock and the change's
/// own (its addresses), the record is loaded, changed, given its history events and new version,
/// named as the audit target, and committed as one <see cref="WriteUnit"/>.
/// </summary>
public sealed class ClientRecordWriter(AppDbContext db, WriteUnit unit, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    /// <returns>The record as committed (unchanged when the change recorded nothing).</returns>
    public Task<ClientRecord> ChangeAsync(Guid clientId, IEnumerable<LockKey> locks, Func<ClientRecordChange, CancellationToken, Task> change, CancellationToken cancellationToken) =>
        unit.RunAsync([LockKey.Client(clientId), .. locks], async ct =>
        {
            var client = await ClientRecords.LoadForUpdateAsync(db, clientId, ct);
            var recordChange = new ClientRecordChange(db, client, user, clock.GetUtcNow().UtcDateTime);
            await change(recordChange, ct);
            recordChange.Finish();
            return await ClientRecords.ToRecordAsync(db, client, ct);
        }, cancellationToken);

    /// <summary>
    /// Adds a new client inside the caller's unit (creating has no record to load, and its
    /// idempotency record must commit in the same transaction: see <see cref="CreateClient"/>).
    /// </summary>
    internal async Task<ClientRecord> AddAsync(ClientChanges changes, CancellationToken cancellationToken)
    {
        if (changes.Email is { } email)
            await AddressOwners.EnsureFreeAsync(db, email.Normalized, null, changes.AllowSharedEmail, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var client = new Client { Id = Guid.CreateVersion7(), WorkspaceId = user.WorkspaceId, CreatedAt = now, CreatedBy = user.UserId };
        changes.ApplyTo(client);
        db.Clients.Add(client);
        var change = new ClientRecordChange(db, client, user, now);
        change.Record(ClientEventKind.Created);
        change.Finish();
        audit.Target(client.Id);
        return await ClientRecords.ToRecordAsync(db, client, cancellationToken);
    }
}
