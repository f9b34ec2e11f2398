using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Fields;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Clients;

/// <summary>Linking an address to a client (as primary or as a secondary-email field) and unlinking it.</summary>
public static class ClientEmails
{
    public static async Task<Ok<ClientRecord>> LinkAsync(
        Guid id, LinkEmailRequest request, HttpContext http, ClientRecordWriter records, CancellationToken cancellationToken)
    {
        var (address, asPrimary, label) = Validate(request);
        var record = await records.ChangeAsync(id, [LockKey.Address(address), LockKey.FieldDefinitions], async (change, ct) =>
        {
            var client = change.Client;
            if (Has(client, address.Normalized)) return;
            await AddressOwners.EnsureFreeAsync(change.Db, address.Normalized, client.Id, request.AllowSharedEmail, ct);
            if (asPrimary) await LinkPrimaryAsync(change, address, request, ct);
            else
            {
                var field = await EmailFieldSlots.AddAsync(change, address, label, ct);
                change.Record(ClientEventKind.AddressLinked, new ClientEventDetail(address.Original, "secondary", field.Label));
            }
        }, cancellationToken);
        return ClientRecords.Ok(record, http);
    }

    static async Task LinkPrimaryAsync(ClientRecordChange change, EmailAddress address, LinkEmailRequest request, CancellationToken cancellationToken)
    {
        var client = change.Client;
        if (client.Email is { } current)
        {
            if (!request.ReplacePrimary) throw ApiProblem.PrimaryExists(current);
            if (request.KeepPreviousAsSecondary)
            {
                var kept = await EmailFieldSlots.AddAsync(change, new EmailAddress(current, client.EmailNormalized!), FieldDefinition.DefaultSecondaryEmailLabel, cancellationToken);
                change.Record(ClientEventKind.AddressLinked, new ClientEventDetail(current, "secondary", kept.Label));
            }
            else
            {
                change.Record(ClientEventKind.AddressUnlinked, new ClientEventDetail(current, "primary"));
            }
        }
        client.Email = address.Original;
        client.EmailNormalized = address.Normalized;
        change.Record(ClientEventKind.AddressLinked, new ClientEventDetail(address.Original, "primary"));
    }

    public static async Task<Ok<ClientRecord>> UnlinkAsync(Guid id, string address, HttpContext http, ClientRecordWriter records, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryParse(address, out var parsed)) throw ApiProblem.NotFound("address");
        var record = await records.ChangeAsync(id, [LockKey.Address(parsed)], (change, _) =>
        {
            var client = change.Client;
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
            change.Record(ClientEventKind.AddressUnlinked, new ClientEventDetail(removed[0]));
            return Task.CompletedTask;
        }, cancellationToken);
        return ClientRecords.Ok(record, http);
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
