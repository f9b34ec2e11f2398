using OutlookCrm.Service.Fields;

namespace OutlookCrm.Service.Clients;

public enum ClientStatus { Active, Inactive }

public sealed class Client
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? PreferredName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? Phone { get; set; }
    /// <summary>The primary address as the user typed it.</summary>
    public string? Email { get; set; }
    /// <summary>The primary address in matching form (see EmailAddress).</summary>
    public string? EmailNormalized { get; set; }
    public ClientStatus Status { get; set; } = ClientStatus.Active;
    /// <summary>Last name, first name and id folded into one key, so listing pages by one index.</summary>
    public string SortKey { get; set; } = "";
    public long Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedBy { get; set; }

    public List<FieldValue> FieldValues { get; set; } = [];
    public List<ClientSearchTerm> SearchTerms { get; set; } = [];
    public List<Suggestions.ClientMatchKey> MatchKeys { get; set; } = [];

    public string DisplayName => ClientNames.Display(FirstName, LastName, PreferredName);
}

/// <summary>One word of a client's names or one of its addresses, for prefix search by index.</summary>
public sealed class ClientSearchTerm
{
    public Guid WorkspaceId { get; set; }
    public string Term { get; set; } = "";
    public Guid ClientId { get; set; }
}
