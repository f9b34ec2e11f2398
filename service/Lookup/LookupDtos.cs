namespace OutlookCrm.Service.Lookup;

public sealed record LookupRequest(List<string?>? Addresses);
public sealed record LookupMatch(Guid ClientId, string DisplayName, string MatchedAs);
public sealed record LookupResult(string? Address, bool Valid, IReadOnlyList<LookupMatch> Matches);
public sealed record LookupResponse(IReadOnlyList<LookupResult> Results);
