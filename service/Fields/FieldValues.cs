using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Fields;

/// <summary>Setting a client's value of a custom field, validated by the field's type.</summary>
public static class FieldValues
{
    public static async Task<Ok<ClientRecord>> SetAsync(
        Guid id, Guid fieldId, SetFieldValueRequest request, HttpContext http, AppDbContext db, ClientRecordWriter records, CancellationToken cancellationToken)
    {
        var raw = RawValue(request.Value);
        var type = await db.FieldDefinitions.AsNoTracking().Where(f => f.Id == fieldId).Select(f => (FieldType?)f.Type).FirstOrDefaultAsync(cancellationToken)
            ?? throw ApiProblem.NotFound("field");
        var (value, email) = raw is null ? (null, (EmailAddress?)null) : Parse(type, raw);

        // The definition is read again under its lock: it may be deleted meanwhile.
        var record = await records.ChangeAsync(id, email is { } address ? [LockKey.Address(address), LockKey.FieldDefinitions] : [LockKey.FieldDefinitions], async (change, ct) =>
        {
            var client = change.Client;
            var field = await db.FieldDefinitions.FirstOrDefaultAsync(f => f.Id == fieldId, ct) ?? throw ApiProblem.NotFound("field");
            var current = client.FieldValues.FirstOrDefault(v => v.FieldId == fieldId);
            if (value is null)
            {
                if (current is null) return;
                client.FieldValues.Remove(current);
                change.Record(ClientEventKind.FieldCleared, new ClientEventDetail(Label: field.Label));
                return;
            }
            if (email is { } newAddress && current?.EmailNormalized != newAddress.Normalized)
                await AddressOwners.EnsureFreeAsync(db, newAddress.Normalized, client.Id, request.AllowSharedEmail, ct);
            if (current?.Value == value) return;
            var kind = current is null ? ClientEventKind.FieldAdded : ClientEventKind.FieldChanged;
            if (current is null)
            {
                current = new FieldValue { ClientId = client.Id, FieldId = fieldId, WorkspaceId = client.WorkspaceId, Field = field };
                client.FieldValues.Add(current);
            }
            current.Value = value;
            current.EmailNormalized = email?.Normalized;
            change.Record(kind, new ClientEventDetail(Label: field.Label, Address: email?.Original));
        }, cancellationToken);
        return ClientRecords.Ok(record, http);
    }

    /// <summary>The value as text; null for JSON null or an empty string (both clear the value).</summary>
    static string? RawValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString()!.Trim(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Undefined => throw ApiProblem.Validation("value", "Required (null clears the value)."),
        _ => throw ApiProblem.Validation("value", "Must be a string, a number or null."),
    };

    static (string Value, EmailAddress? Email) Parse(FieldType type, string raw)
    {
        string? error = null;
        EmailAddress? email = null;
        var value = raw;
        switch (type)
        {
            case FieldType.Text:
                error = ClientRules.CheckText(raw);
                break;
            case FieldType.Email:
                error = ClientRules.CheckEmail(raw, out var address);
                email = address;
                break;
            case FieldType.Phone:
                error = ClientRules.CheckPhone(raw);
                break;
            case FieldType.Date:
                if (ClientRules.TryParseDate(raw, out var date)) value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                else error = "Use the format yyyy-MM-dd.";
                break;
            case FieldType.Number:
                if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) value = number.ToString(CultureInfo.InvariantCulture);
                else error = "Must be a number.";
                break;
        }
        return error is null ? (value, email) : throw ApiProblem.Validation("value", error);
    }
}
