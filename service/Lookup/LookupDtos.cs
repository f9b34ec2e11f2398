namespace OutlookCrm.Service.Lookup;

public sealed record LookupRequest(List<string?>? Addresses);
public sealed record LookupMatch(Guid ClientId, string DisplayName, string MatchedAs);
public sealed record LookupResult(string? Address, bool Valid, IReadOnlyList<LookupMatch> Matches);
public sealed record LookupResponse(IReadOnlyList<LookupResult> Results);

/// <summary>The lookup's request and answer serialized by generated code (every opened email sends one), not reflection.</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(LookupRequest))]
[System.Text.Json.Serialization.JsonSerializable(typeof(LookupResponse))]
sealed partial class LookupDtoJson : System.Text.Json.Serialization.JsonSerializerContext;
