namespace OutlookCrm.Service.History;

public enum ClientEventKind
{
    Created,
    DetailsUpdated,
    AddressLinked,
    AddressUnlinked,
    FieldAdded,
    FieldChanged,
    FieldCleared,
    IntakeSent,
    IntakeOpened,
    IntakeCompleted,
    IntakeRevoked,
}

/// <summary>Something that happened to a client's record, shown in its history for the whole team.</summary>
public sealed class ClientEvent
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ClientId { get; set; }
    public ClientEventKind Kind { get; set; }
    public DateTime OccurredAt { get; set; }
    public Guid ActorId { get; set; }
    /// <summary>Small JSON with what changed (an address, a field label, property names), never whole values of free text.</summary>
    public string Detail { get; set; } = "{}";
}

/// <summary>What a record event says, kept small: which address, which field, which properties.</summary>
public sealed record ClientEventDetail(string? Address = null, string? As = null, string? Label = null, IReadOnlyList<string>? Properties = null);
