using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Idempotency;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Clients;

public static class CreateClient
{
    public static async Task<IResult> HandleAsync(
        CreateClientRequest request, HttpContext http, ClientRecordWriter records, WriteUnit unit, CurrentUser user,
        IdempotencyStore idempotency, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var changes = ClientChanges.ForCreate(request, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var key = IdempotencyStore.KeyOf(http.Request);
        var requestHash = key is null ? "" : idempotency.HashOf(request);

        var locks = new List<LockKey>();
        if (changes.Email is { } email) locks.Add(LockKey.Address(email));
        if (key is not null) locks.Add(LockKey.Idempotency(user.UserId, key));

        return await unit.RunAsync(locks, async ct =>
        {
            if (key is not null && await idempotency.FindAsync(key, requestHash, ct) is { } earlier)
            {
                audit.CommitsAs(earlier.Outcome, replay: true);
                return earlier;
            }

            StoredResponse response;
            try
            {
                var record = await records.AddAsync(changes, ct);
                response = idempotency.Json(StatusCodes.Status201Created, record, $"/api/clients/{record.Id}", record.Version);
            }
            catch (ApiProblem problem) when (key is not null && problem.Status == StatusCodes.Status409Conflict)
            {
                // Kept, so a retry with the same key gets the same refusal rather than a different answer.
                response = idempotency.Problem(problem);
                audit.CommitsAs(problem.Code);
            }

            if (key is not null) idempotency.Remember(key, requestHash, response);
            return response;
        }, cancellationToken);
    }
}
