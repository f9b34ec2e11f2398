using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
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

    /// <summary>The embedded database gets its prepared-statement lookup; other providers the EF Core query.</summary>
    public static void AddLookup(this IServiceCollection services, DatabaseSettings database)
    {
        if (database.Provider == DatabaseProvider.Sqlite) services.AddSingleton<ILookupQuery, SqliteLookupQuery>();
        else services.AddScoped<ILookupQuery, EfLookupQuery>();
    }

    public static void MapLookup(this RouteGroupBuilder api) =>
        api.MapPost("/lookup", LookupAsync).WithTags("Lookup").WithName("Lookup").ProducesProblems(413, 415)
            .WithSummary("Resolves up to 50 addresses to the clients they belong to.")
            .Audit("lookup", "address", routeKey: null);

    static async Task<LookupResponse> LookupAsync(LookupRequest request, ILookupQuery lookupQuery, CurrentUser user, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (request.Addresses is not { Count: > 0 and <= MaxAddresses } requested)
            throw ApiProblem.Validation("addresses", $"A list of 1 to {MaxAddresses} addresses.");

        var normalized = requested.Select(a => EmailAddress.TryParse(a, out var address) ? address.Normalized : null).ToList();
        var distinct = normalized.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var owners = distinct.Length > 0 ? await lookupQuery.FindAsync(user.WorkspaceId, distinct, cancellationToken) : [];
        var matchesByAddress = owners.ToLookup(o => o.Address, StringComparer.Ordinal);
        audit.Reveal(owners.Select(o => o.ClientId));

        var results = requested.Select((address, i) => normalized[i] is { } key
            ? new LookupResult(address, true, MatchesOf(matchesByAddress[key]))
            : new LookupResult(address, false, [])).ToList();
        return new LookupResponse(results);
    }

    /// <summary>One match per client (primary wins over a field holding the same address), by display name.</summary>
    static List<LookupMatch> MatchesOf(IEnumerable<LookupOwner> owners) =>
        owners.GroupBy(o => o.ClientId)
            .Select(g => g.OrderBy(o => o.FieldLabel is null ? 0 : 1).ThenBy(o => o.FieldLabel, StringComparer.Ordinal).First())
            .Select(o => new LookupMatch(o.ClientId, ClientNames.Display(o.FirstName, o.LastName, o.PreferredName), o.FieldLabel ?? PrimaryMatch))
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(m => m.ClientId)
            .ToList();
}
