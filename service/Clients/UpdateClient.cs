using System.Text.Json;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Clients;

public static class UpdateClient
{
    public static async Task<IResult> HandleAsync(
        Guid id, JsonElement body, HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch)) throw ApiProblem.PreconditionRequired();
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = ClientChanges.ForPatch(body, DateOnly.FromDateTime(now));

        var lockKeys = changes.Email is { } email ? new[] { "address:" + email.Normalized } : [];
        await using var transaction = await WriteLock.BeginAsync(db, lockKeys, cancellationToken);
        var client = await ClientRecords.LoadForUpdateAsync(db, id, cancellationToken);
        if (!Matches(ifMatch, client.Version)) throw ApiProblem.VersionMismatch();

        if (changes.Email is { } newEmail && client.EmailNormalized != newEmail.Normalized)
            await AddressOwners.EnsureFreeAsync(db, newEmail.Normalized, client.Id, changes.AllowSharedEmail, cancellationToken);
        changes.ApplyTo(client);
        ClientWrites.Touch(client, user, now);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ClientRecords.Ok(ClientRecords.ToRecord(client), http);
    }

    /// <summary>Strong comparison (RFC 9110 13.1.1): a weak tag never matches; "*" matches any existing record.</summary>
    static bool Matches(string ifMatch, long version)
    {
        var current = ClientMapper.ETagOf(version);
        return ifMatch.Split(',', StringSplitOptions.TrimEntries).Any(tag => tag == "*" || tag == current);
    }
}
