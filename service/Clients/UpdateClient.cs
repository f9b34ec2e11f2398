using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Clients;

public static class UpdateClient
{
    public static async Task<Ok<ClientRecord>> HandleAsync(
        Guid id, JsonElement body, HttpContext http, ClientRecordWriter records, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ifMatch = IfMatch.Required(http.Request);
        var changes = ClientChanges.ForPatch(body, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

        var locks = changes.Email is { } email ? new[] { LockKey.Address(email) } : [];
        var record = await records.ChangeAsync(id, locks, async (change, ct) =>
        {
            var client = change.Client;
            ifMatch.Verify(client.Version);
            if (changes.Email is { } newEmail && client.EmailNormalized != newEmail.Normalized)
                await AddressOwners.EnsureFreeAsync(change.Db, newEmail.Normalized, client.Id, changes.AllowSharedEmail, ct);
            var before = ContactDetails.Of(client);
            changes.ApplyTo(client);
            var changed = before.ChangedIn(client);
            if (changed.Count > 0) change.Record(ClientEventKind.DetailsUpdated, new ClientEventDetail(Properties: changed));
        }, cancellationToken);
        return ClientRecords.Ok(record, http);
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
}
