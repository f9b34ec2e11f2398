using OutlookCrm.Service.Clients;

namespace OutlookCrm.Service.Suggestions;

/// <summary>Why a key points at a client; also the order suggestions are ranked in.</summary>
public enum MatchKeyKind : byte
{
    /// <summary>"given family" folded, from the client's own names.</summary>
    Name = 1,
    /// <summary>A whole display name the client has written under, seen on an email saved to the record.</summary>
    SeenName = 2,
    /// <summary>The domain of one of the client's addresses, when it is not a webmail domain.</summary>
    Domain = 3,
}

/// <summary>
/// One indexed key under which a client can be suggested for an unknown address: kept in step with
/// the record (names, addresses) like <see cref="ClientSearchTerm"/>, and from saved emails (seen names).
/// </summary>
public sealed class ClientMatchKey
{
    public Guid WorkspaceId { get; set; }
    public MatchKeyKind Kind { get; set; }
    public string Key { get; set; } = "";
    public Guid ClientId { get; set; }
}
