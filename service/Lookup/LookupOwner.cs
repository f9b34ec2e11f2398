namespace OutlookCrm.Service.Lookup;

/// <summary>A client that holds a looked-up address: as its primary email (no field label) or in an email-type field.</summary>
// Settable properties, not a constructor: EF translates set operations over member initializers only.
public sealed class LookupOwner
{
    public required string Address { get; init; }
    public required Guid ClientId { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required string? PreferredName { get; init; }
    public required string? FieldLabel { get; init; }
}
