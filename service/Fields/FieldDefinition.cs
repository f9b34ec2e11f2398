using OutlookCrm.Service.Clients;

namespace OutlookCrm.Service.Fields;

public enum FieldType { Text, Email, Phone, Date, Number }

/// <summary>A workspace-wide custom field ("Secondary email", "Insurance number", …).</summary>
public sealed class FieldDefinition
{
    public const string DefaultSecondaryEmailLabel = "Secondary email";

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public string Label { get; set; } = "";
    /// <summary>Folded label, unique per workspace so "secondary email" and "Secondary Email" are one field.</summary>
    public string LabelKey { get; set; } = "";
    public FieldType Type { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
}

public sealed class FieldValue
{
    public Guid ClientId { get; set; }
    public Guid FieldId { get; set; }
    public Guid WorkspaceId { get; set; }
    public string Value { get; set; } = "";
    /// <summary>Set only for email-type fields: the matching form, indexed for lookup.</summary>
    public string? EmailNormalized { get; set; }

    public Client? Client { get; set; }
    public FieldDefinition? Field { get; set; }
}
