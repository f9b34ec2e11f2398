using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Fields;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Clients;

/// <summary>Linking an address to a client (as primary or as a secondary-email field) and unlinking it.</summary>
public static class ClientEmails
{
    public static async Task<IResult> LinkAsync(
        Guid id, LinkEmailRequest request, HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (address, asPrimary, label) = Validate(request);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await WriteLock.BeginAsync(db, ["address:" + address.Normalized, EmailFieldSlots.DefinitionsLockKey], cancellationToken);
        var client = await ClientRecords.LoadForUpdateAsync(db, id, cancellationToken);
        if (Has(client, address.Normalized)) return await ClientRecords.OkAsync(db, client, http);

        await AddressOwners.EnsureFreeAsync(db, address.Normalized, client.Id, request.AllowSharedEmail, cancellationToken);
        if (asPrimary)
        {
            if (client.Email is { } current)
            {
                if (!request.ReplacePrimary) throw ApiProblem.PrimaryExists(current);
                if (request.KeepPreviousAsSecondary)
                {
                    var kept = await EmailFieldSlots.AddAsync(db, client, new EmailAddress(current, client.EmailNormalized!),
                        FieldDefinition.DefaultSecondaryEmailLabel, user, now, cancellationToken);
                    ClientEvents.Record(db, client, ClientEventKind.AddressLinked, user, now, new ClientEventDetail(current, "secondary", kept.Label));
                }
                else
                {
                    ClientEvents.Record(db, client, ClientEventKind.AddressUnlinked, user, now, new ClientEventDetail(current, "primary"));
                }
            }
            client.Email = address.Original;
            client.EmailNormalized = address.Normalized;
            ClientEvents.Record(db, client, ClientEventKind.AddressLinked, user, now, new ClientEventDetail(address.Original, "primary"));
        }
        else
        {
            var field = await EmailFieldSlots.AddAsync(db, client, address, label, user, now, cancellationToken);
            ClientEvents.Record(db, client, ClientEventKind.AddressLinked, user, now, new ClientEventDetail(address.Original, "secondary", field.Label));
        }

        ClientWrites.Touch(client, user, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ClientRecords.OkAsync(db, client, http);
    }

    public static async Task<IResult> UnlinkAsync(
        Guid id, string address, HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryParse(address, out var parsed)) throw ApiProblem.NotFound("address");

        await using var transaction = await WriteLock.BeginAsync(db, ["address:" + parsed.Normalized], cancellationToken);
        var client = await ClientRecords.LoadForUpdateAsync(db, id, cancellationToken);
        var removed = new List<string>();
        if (client.EmailNormalized == parsed.Normalized)
        {
            removed.Add(client.Email!);
            client.Email = null;
            client.EmailNormalized = null;
        }
        foreach (var value in client.FieldValues.Where(v => v.EmailNormalized == parsed.Normalized).ToList())
        {
            removed.Add(value.Value);
            client.FieldValues.Remove(value);
        }
        if (removed.Count == 0) throw ApiProblem.NotFound("address");

        var now = clock.GetUtcNow().UtcDateTime;
        ClientWrites.Touch(client, user, now);
        ClientEvents.Record(db, client, ClientEventKind.AddressUnlinked, user, now, new ClientEventDetail(removed[0]));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ClientRecords.OkAsync(db, client, http);
    }

    static bool Has(Client client, string normalized) =>
        client.EmailNormalized == normalized || client.FieldValues.Any(v => v.EmailNormalized == normalized);

    static (EmailAddress Address, bool AsPrimary, string Label) Validate(LinkEmailRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!EmailAddress.TryParse(request.Address, out var address)) errors["address"] = ["Not a valid email address."];
        var asPrimary = string.Equals(request.As, "primary", StringComparison.OrdinalIgnoreCase);
        if (!asPrimary && !string.Equals(request.As, "secondary", StringComparison.OrdinalIgnoreCase))
            errors["as"] = ["Must be primary or secondary."];
        var label = request.Label is null ? FieldDefinition.DefaultSecondaryEmailLabel : request.Label.Trim();
        if (ClientRules.CheckName(label, required: true) is { } labelError) errors["label"] = [labelError];
        if (errors.Count > 0) throw ApiProblem.Validation(errors);
        return (address, asPrimary, label);
    }
}
