using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Idempotency;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Clients;

public static class CreateClient
{
    public static async Task<IResult> HandleAsync(
        CreateClientRequest request, HttpContext http, AppDbContext db, CurrentUser user,
        IdempotencyStore idempotency, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = ClientChanges.ForCreate(request, DateOnly.FromDateTime(now));
        var key = IdempotencyStore.KeyOf(http.Request);
        var requestHash = key is null ? "" : idempotency.HashOf(request);

        var lockKeys = new List<string>();
        if (changes.Email is { } email) lockKeys.Add("address:" + email.Normalized);
        if (key is not null) lockKeys.Add($"idempotency:{user.UserId:N}:{key}");

        await using var transaction = await WriteLock.BeginAsync(db, lockKeys, cancellationToken);
        if (key is not null && await idempotency.FindAsync(key, requestHash, cancellationToken) is { } earlier)
            return earlier;

        StoredResponse response;
        try
        {
            var record = await CreateAsync(db, changes, user, now, cancellationToken);
            audit.Target(record.Id);
            response = idempotency.Json(StatusCodes.Status201Created, record, $"/api/clients/{record.Id}", record.Version);
        }
        catch (ApiProblem problem) when (key is not null && problem.Status == StatusCodes.Status409Conflict)
        {
            response = idempotency.Problem(problem);
        }

        if (key is not null) idempotency.Remember(key, requestHash, response);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }

    static async Task<ClientRecord> CreateAsync(AppDbContext db, ClientChanges changes, CurrentUser user, DateTime now, CancellationToken cancellationToken)
    {
        if (changes.Email is { } email)
            await AddressOwners.EnsureFreeAsync(db, email.Normalized, null, changes.AllowSharedEmail, cancellationToken);

        var client = new Client
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = user.WorkspaceId,
            CreatedAt = now,
            CreatedBy = user.UserId,
        };
        changes.ApplyTo(client);
        ClientWrites.Touch(client, user, now);
        db.Clients.Add(client);
        ClientEvents.Record(db, client, ClientEventKind.Created, user, now);
        var names = user.Name is null ? null : new Dictionary<Guid, string> { [user.UserId] = user.Name };
        return ClientRecords.ToRecord(client, names);
    }
}
