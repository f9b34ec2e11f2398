using OutlookCrm.Service.Clients;

namespace OutlookCrm.Service.Suggestions;

/// <summary>Keeps a client's name and domain keys in step with the record (seen names are kept by saved emails).</summary>
public static class MatchKeys
{
    public static void Refresh(Client client)
    {
        var wanted = PersonNames.KeysOf(client.FirstName, client.LastName, client.PreferredName)
                .Select(key => (Kind: MatchKeyKind.Name, Key: key))
            .Concat(DomainsOf(client).Select(domain => (Kind: MatchKeyKind.Domain, Key: domain)))
            .Where(k => k.Key.Length is > 0 and <= MaxKeyLength)
            .ToHashSet();

        client.MatchKeys.RemoveAll(k => k.Kind != MatchKeyKind.SeenName && !wanted.Contains((k.Kind, k.Key)));
        foreach (var (kind, key) in wanted.Except(client.MatchKeys.Select(k => (k.Kind, k.Key))))
            client.MatchKeys.Add(new ClientMatchKey { WorkspaceId = client.WorkspaceId, ClientId = client.Id, Kind = kind, Key = key });
    }

    public const int MaxKeyLength = 200;

    /// <summary>The domain of a normalized address, or null for webmail (it says nothing about a family).</summary>
    public static string? FamilyDomainOf(string normalizedAddress)
    {
        var domain = normalizedAddress[(normalizedAddress.LastIndexOf('@') + 1)..];
        return WebmailDomains.Contains(domain) ? null : domain;
    }

    static IEnumerable<string> DomainsOf(Client client)
    {
        var addresses = client.FieldValues.Select(v => v.EmailNormalized).Prepend(client.EmailNormalized);
        return addresses.OfType<string>().Select(FamilyDomainOf).OfType<string>().Distinct(StringComparer.Ordinal);
    }
}
