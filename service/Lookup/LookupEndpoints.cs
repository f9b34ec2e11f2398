using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Lookup;

/// <summary>
/// Who is each participant of a message? One round trip for all of them; two index seeks
/// (primary emails, email-type field values) in one statement, whatever the number of addresses.
/// </summary>
public static class LookupEndpoints
{
    public const int MaxAddresses = 50;
    const string PrimaryMatch = "primary";

    public static void MapLookup(this RouteGroupBuilder api) =>
        api.MapPost("/lookup", LookupAsync).WithTags("Lookup").WithName("Lookup")
            .WithSummary("Resolves up to 50 addresses to the clients they belong to.")
            .Audit("lookup", "address", routeKey: null);

    /// <summary>Both index seeks in one statement (UNION ALL), so a lookup is one database round trip.</summary>
    static readonly Func<AppDbContext, string[], IAsyncEnumerable<AddressOwner>> Owners =
        EF.CompileAsyncQuery((AppDbContext db, string[] addresses) => db.Clients
            .Where(c => addresses.Contains(c.EmailNormalized!))
            .Select(c => new AddressOwner { Address = c.EmailNormalized!, ClientId = c.Id, FirstName = c.FirstName, LastName = c.LastName, PreferredName = c.PreferredName, FieldLabel = null })
            .Concat(db.FieldValues
                .Where(v => addresses.Contains(v.EmailNormalized!))
                .Select(v => new AddressOwner { Address = v.EmailNormalized!, ClientId = v.ClientId, FirstName = v.Client!.FirstName, LastName = v.Client.LastName, PreferredName = v.Client.PreferredName, FieldLabel = v.Field!.Label })));

    static async Task<LookupResponse> LookupAsync(LookupRequest request, AppDbContext db, CancellationToken cancellationToken)
    {
        if (request.Addresses is not { Count: > 0 and <= MaxAddresses } requested)
            throw ApiProblem.Validation("addresses", $"A list of 1 to {MaxAddresses} addresses.");

        var normalized = requested.Select(a => EmailAddress.TryParse(a, out var address) ? address.Normalized : null).ToList();
        var distinct = normalized.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var owners = new List<AddressOwner>();
        if (distinct.Length > 0)
        {
            await foreach (var owner in Owners(db, distinct).WithCancellation(cancellationToken)) owners.Add(owner);
        }
        var matchesByAddress = owners.ToLookup(o => o.Address, StringComparer.Ordinal);

        var results = requested.Select((address, i) => normalized[i] is { } key
            ? new LookupResult(address, true, MatchesOf(matchesByAddress[key]))
            : new LookupResult(address, false, [])).ToList();
        return new LookupResponse(results);
    }

    /// <summary>One match per client (primary wins over a field holding the same address), by display name.</summary>
    static List<LookupMatch> MatchesOf(IEnumerable<AddressOwner> owners) =>
        owners.GroupBy(o => o.ClientId)
            .Select(g => g.OrderBy(o => o.FieldLabel is null ? 0 : 1).ThenBy(o => o.FieldLabel, StringComparer.Ordinal).First())
            .Select(o => new LookupMatch(o.ClientId, ClientNames.Display(o.FirstName, o.LastName, o.PreferredName), o.FieldLabel ?? PrimaryMatch))
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(m => m.ClientId)
            .ToList();

    // Settable properties, not a constructor: EF translates set operations over member initializers only.
    sealed class AddressOwner
    {
        public required string Address { get; init; }
        public required Guid ClientId { get; init; }
        public required string FirstName { get; init; }
        public required string LastName { get; init; }
        public required string? PreferredName { get; init; }
        public required string? FieldLabel { get; init; }
    }
}
