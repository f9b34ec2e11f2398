using System.Text.Json;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.History;
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
        var before = ContactDetails.Of(client);
        changes.ApplyTo(client);
        var changed = before.ChangedIn(client);
        if (changed.Count == 0) return await ClientRecords.OkAsync(db, client, http);
        ClientWrites.Touch(client, user, now);
        ClientEvents.Record(db, client, ClientEventKind.DetailsUpdated, user, now, new ClientEventDetail(Properties: changed));

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ClientRecords.OkAsync(db, client, http);
    }

    /// <summary>The contact details a PATCH may change, to tell which ones it did.</summary>
    sealed record ContactDetails(string FirstName, string LastName, string? PreferredName, DateOnly? DateOfBirth, string? Phone, string? Email, ClientStatus Status)
    {
        public static ContactDetails Of(Client c) => new(c.FirstName, c.LastName, c.PreferredName, c.DateOfBirth, c.Phone, c.Email, c.Status);

        public List<string> ChangedIn(Client c)
        {
            var after = Of(c);
            var changed = new List<string>();
            if (FirstName != after.FirstName) changed.Add("firstName");
            if (LastName != after.LastName) changed.Add("lastName");
            if (PreferredName != after.PreferredName) changed.Add("preferredName");
            if (DateOfBirth != after.DateOfBirth) changed.Add("dateOfBirth");
            if (Phone != after.Phone) changed.Add("phone");
            if (Email != after.Email) changed.Add("email");
            if (Status != after.Status) changed.Add("status");
            return changed;
        }
    }

    /// <summary>Strong comparison (RFC 9110 13.1.1): a weak tag never matches; "*" matches any existing record.</summary>
    static bool Matches(string ifMatch, long version)
    {
        var current = ClientMapper.ETagOf(version);
        return ifMatch.Split(',', StringSplitOptions.TrimEntries).Any(tag => tag == "*" || tag == current);
    }
}
