using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.Colleagues;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Lookup;
using OutlookCrm.Service.NeverTrack;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Suggestions;

/// <summary>
/// Likely clients for the participants a lookup did not know: a separate call the pane makes after
/// it has shown the participants, so the lookup itself never waits on it. Every key is one index seek.
/// </summary>
public static class SuggestionEndpoints
{
    public const int MaxParticipants = LookupEndpoints.MaxAddresses;
    public const int MaxPerAddress = 3;
    public const int MaxPerKey = 5;

    public static void MapSuggestions(this RouteGroupBuilder api) =>
        api.MapPost("/suggestions", SuggestAsync).WithTags("Lookup").WithName("Suggestions").ProducesProblems(413, 415)
            .WithSummary("Suggests up to three likely clients for each participant no client has.")
            .Audit("suggest", "address", routeKey: null);

    static async Task<SuggestionsResponse> SuggestAsync(
        SuggestionsRequest request, AppDbContext db, ILookupQuery lookupQuery, IOrganizationDomains organization, CurrentUser user, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        var participants = Validate(request);
        var addresses = participants.Select(p => p.Normalized).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var known = addresses.Length == 0 ? [] : (await lookupQuery.FindAsync(user.WorkspaceId, addresses, cancellationToken))
            .Select(o => o.Address).ToHashSet(StringComparer.Ordinal);
        var notTracked = await NeverTrackRules.CoveredAsync(db, addresses, cancellationToken);
        var ownDomains = await organization.GetAsync(cancellationToken);

        string StatusOf(Participant p) => p.Normalized switch
        {
            null => Invalid,
            // The admin's list wins even over a client holding the address: nothing from it is kept.
            var a when notTracked.Contains(a) => NotTracked,
            var a when known.Contains(a) => ClientStatus,
            var a when ownDomains.Contains(a[(a.LastIndexOf('@') + 1)..]) => Colleague,
            _ => Unknown,
        };
        var statuses = participants.Select(StatusOf).ToList();
        var unknown = participants.Where((_, i) => statuses[i] == Unknown).ToList();

        var hits = await FindAsync(db, unknown.SelectMany(WantedKeys).ToList(), cancellationToken);
        var clients = await ClientsAsync(db, hits.Select(h => h.ClientId).Distinct().ToList(), cancellationToken);
        var byKey = hits.ToLookup(h => (h.Kind, h.Key));
        var results = participants.Select((p, i) => new SuggestionsResult(p.Address, statuses[i],
            statuses[i] == Unknown ? Rank(p, byKey, clients) : [])).ToList();
        audit.Reveal(results.SelectMany(r => r.Suggestions).Select(s => s.ClientId).Distinct());
        return new SuggestionsResponse(results);
    }

    const string Invalid = "invalid", NotTracked = "notTracked", ClientStatus = "client", Colleague = "colleague", Unknown = "unknown";

    sealed record Participant(string? Address, string? Normalized, DisplayNameKeys Name);
    internal sealed record WantedKey(MatchKeyKind Kind, string Key);
    // Settable properties, not a constructor: EF translates set operations over member initializers only.
    internal sealed class Hit
    {
        public required MatchKeyKind Kind { get; init; }
        public required string Key { get; init; }
        public required Guid ClientId { get; init; }
    }
    sealed record ClientSummary(string DisplayName, bool HasPrimary);

    static List<Participant> Validate(SuggestionsRequest request)
    {
        if (request.Participants is not { Count: > 0 and <= MaxParticipants } participants)
            throw ApiProblem.Validation("participants", $"A list of 1 to {MaxParticipants} participants.");
        if (participants.Any(p => p?.DisplayName is { Length: > 200 }))
            throw ApiProblem.Validation("participants", "Display names are at most 200 characters.");
        return participants.Select(p => new Participant(p?.Address,
            EmailAddress.TryParse(p?.Address, out var address) ? address.Normalized : null,
            PersonNames.Read(p?.DisplayName))).ToList();
    }

    static IEnumerable<WantedKey> WantedKeys(Participant p)
    {
        if (p.Name.Name is { } name) yield return new(MatchKeyKind.Name, name);
        if (p.Name.Reversed is { } reversed) yield return new(MatchKeyKind.Name, reversed);
        if (p.Name.Whole is { } whole) yield return new(MatchKeyKind.SeenName, whole);
        if (MatchKeys.FamilyDomainOf(p.Normalized!) is { } domain) yield return new(MatchKeyKind.Domain, domain);
    }

    /// <summary>
    /// One statement, one seek per key, each reading at most <see cref="MaxPerKey"/> + 1 clients: a key
    /// that points at more (a common name, a company's domain) says too little to suggest anyone.
    /// </summary>
    static async Task<List<Hit>> FindAsync(AppDbContext db, List<WantedKey> wanted, CancellationToken cancellationToken)
    {
        var keys = wanted.Distinct().ToList();
        if (keys.Count == 0) return [];
        var rows = await KeysQuery(db, keys).ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.Kind, r.Key))
            .Where(g => g.Count() <= MaxPerKey)
            .SelectMany(g => g)
            .ToList();
    }

    /// <summary>UNION ALL of one limited seek per key (internal: its SQL Server text is checked by tests).</summary>
    internal static IQueryable<Hit> KeysQuery(AppDbContext db, IReadOnlyList<WantedKey> keys) =>
        keys.Select(key => db.ClientMatchKeys.AsNoTracking()
                .Where(k => k.Kind == key.Kind && k.Key == key.Key)
                .Select(k => new Hit { Kind = k.Kind, Key = k.Key, ClientId = k.ClientId })
                .Take(MaxPerKey + 1))
            .Aggregate(Queryable.Concat);

    static async Task<Dictionary<Guid, ClientSummary>> ClientsAsync(AppDbContext db, List<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await db.Clients.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.PreferredName, HasPrimary = c.EmailNormalized != null })
            .ToDictionaryAsync(c => c.Id, c => new ClientSummary(ClientNames.Display(c.FirstName, c.LastName, c.PreferredName), c.HasPrimary), cancellationToken);

    /// <summary>Best reason per client (same name, reversed, seen name, shared domain), then by name; at most three.</summary>
    static List<Suggestion> Rank(Participant p, ILookup<(MatchKeyKind, string), Hit> byKey, Dictionary<Guid, ClientSummary> clients)
    {
        var candidates = new List<(int Rank, Guid ClientId, string Reason, string? Domain)>();
        void Add(MatchKeyKind kind, string? key, int rank, string reason)
        {
            if (key is null) return;
            foreach (var hit in byKey[(kind, key)])
                candidates.Add((rank, hit.ClientId, reason, kind == MatchKeyKind.Domain ? key : null));
        }
        Add(MatchKeyKind.Name, p.Name.Name, 0, "sameName");
        Add(MatchKeyKind.Name, p.Name.Reversed, 1, "sameNameReversed");
        Add(MatchKeyKind.SeenName, p.Name.Whole, 2, "seenName");
        Add(MatchKeyKind.Domain, MatchKeys.FamilyDomainOf(p.Normalized!), 3, "sameDomain");

        return candidates
            .Where(c => clients.ContainsKey(c.ClientId))
            .GroupBy(c => c.ClientId)
            .Select(g => g.MinBy(c => c.Rank))
            .OrderBy(c => c.Rank)
            .ThenBy(c => clients[c.ClientId].DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(c => c.ClientId)
            .Take(MaxPerAddress)
            .Select(c => new Suggestion(c.ClientId, clients[c.ClientId].DisplayName, c.Reason, c.Domain,
                clients[c.ClientId].HasPrimary ? "secondary" : "primary"))
            .ToList();
    }
}
