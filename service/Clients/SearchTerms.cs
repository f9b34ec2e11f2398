using OutlookCrm.Service.Addresses;

namespace OutlookCrm.Service.Clients;

/// <summary>Keeps a client's search terms (name words and addresses) in step with the client.</summary>
public static class SearchTerms
{
    public static void Refresh(Client client)
    {
        var wanted = ClientNames.Words(client.FirstName)
            .Concat(ClientNames.Words(client.LastName))
            .Concat(ClientNames.Words(client.PreferredName))
            .Concat(AddressesOf(client))
            .Where(term => term.Length > 0)
            .Select(term => term.Length > 320 ? term[..320] : term)
            .ToHashSet(StringComparer.Ordinal);

        client.SearchTerms.RemoveAll(t => !wanted.Contains(t.Term));
        foreach (var term in wanted.Except(client.SearchTerms.Select(t => t.Term), StringComparer.Ordinal))
            client.SearchTerms.Add(new ClientSearchTerm { WorkspaceId = client.WorkspaceId, ClientId = client.Id, Term = term });
    }

    static IEnumerable<string> AddressesOf(Client client)
    {
        if (client.EmailNormalized is not null) yield return client.EmailNormalized;
        foreach (var value in client.FieldValues)
            if (value.EmailNormalized is not null) yield return value.EmailNormalized;
    }

    /// <summary>The terms a search box query asks for: each word must prefix some term of the client.</summary>
    public static List<string> FromQuery(string search) =>
        search.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(word => EmailAddress.TryParse(word, out var address) ? address.Normalized : ClientNames.Fold(word))
            .Where(word => word.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Take(5)
            .ToList();
}
