using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Suggestions;

/// <summary>
/// Remembers the display name a client wrote under when an email from one of the client's own
/// addresses is saved to the record, so the same name from a new address suggests the client.
/// </summary>
public static class SeenNames
{
    /// <summary>Inside the save's unit, which holds the client's lock (the key is checked, then added).</summary>
    public static async Task RememberAsync(AppDbContext db, Guid clientId, SavedEmail email, CancellationToken cancellationToken)
    {
        if (PersonNames.SeenKey(email.FromName) is not { Length: <= MatchKeys.MaxKeyLength } key) return;
        if (!EmailAddress.TryParse(email.FromAddress, out var from) || !await IsClientAddressAsync(db, clientId, from.Normalized, cancellationToken)) return;
        if (await db.ClientMatchKeys.AnyAsync(k => k.Kind == MatchKeyKind.SeenName && k.Key == key && k.ClientId == clientId, cancellationToken)) return;
        db.ClientMatchKeys.Add(new ClientMatchKey { WorkspaceId = email.WorkspaceId, ClientId = clientId, Kind = MatchKeyKind.SeenName, Key = key });
    }

    static Task<bool> IsClientAddressAsync(AppDbContext db, Guid clientId, string address, CancellationToken cancellationToken) =>
        db.Clients.AnyAsync(c => c.Id == clientId
            && (c.EmailNormalized == address || c.FieldValues.Any(v => v.EmailNormalized == address)), cancellationToken);
}
