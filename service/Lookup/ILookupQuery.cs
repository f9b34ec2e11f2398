namespace OutlookCrm.Service.Lookup;

/// <summary>
/// The clients of the caller's workspace that hold any of these normalized addresses, by primary
/// email or by an email-type field: two index seeks in one statement, whatever the number of addresses.
/// </summary>
public interface ILookupQuery
{
    Task<List<LookupOwner>> FindAsync(Guid workspaceId, string[] normalizedAddresses, CancellationToken cancellationToken);
}
