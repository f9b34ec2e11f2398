using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Fields;

/// <summary>
/// Finds where a secondary address goes: the email-type field with the asked label, or when the
/// client already uses it, "Label 2", "Label 3" … — creating the workspace definition when needed.
/// </summary>
public static class EmailFieldSlots
{
    const int MaxSlots = 50;

    /// <summary>Needs <see cref="LockKey.FieldDefinitions"/>: it may define a field.</summary>
    public static async Task<FieldDefinition> AddAsync(ClientRecordChange change, EmailAddress address, string label, CancellationToken cancellationToken)
    {
        var client = change.Client;
        var field = await FreeSlotAsync(change.Db, client, label, change.User, change.Now, cancellationToken);
        client.FieldValues.Add(new FieldValue
        {
            ClientId = client.Id,
            FieldId = field.Id,
            WorkspaceId = client.WorkspaceId,
            Value = address.Original,
            EmailNormalized = address.Normalized,
            Field = field,
        });
        return field;
    }

    static async Task<FieldDefinition> FreeSlotAsync(AppDbContext db, Client client, string label, CurrentUser user, DateTime now, CancellationToken cancellationToken)
    {
        for (var slot = 1; slot <= MaxSlots; slot++)
        {
            var candidate = slot == 1 ? label : $"{label} {slot}";
            if (candidate.Length > ClientRules.MaxNameLength) break;
            var key = ClientNames.Fold(candidate);
            var existing = await db.FieldDefinitions.FirstOrDefaultAsync(f => f.LabelKey == key, cancellationToken);
            if (existing is null)
            {
                var created = new FieldDefinition
                {
                    Id = Guid.CreateVersion7(),
                    WorkspaceId = user.WorkspaceId,
                    Label = candidate,
                    LabelKey = key,
                    Type = FieldType.Email,
                    CreatedAt = now,
                    CreatedBy = user.UserId,
                };
                db.FieldDefinitions.Add(created);
                return created;
            }
            if (existing.Type == FieldType.Email && client.FieldValues.All(v => v.FieldId != existing.Id))
                return existing;
        }
        throw Problems.ApiProblem.Validation("label", "No free field for another address with this label.");
    }
}
