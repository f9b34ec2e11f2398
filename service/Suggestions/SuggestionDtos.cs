using System.ComponentModel.DataAnnotations;
namespace OutlookCrm.Service.Suggestions;

public sealed record SuggestionParticipant(string? Address, string? DisplayName);
public sealed record SuggestionsRequest(List<SuggestionParticipant?>? Participants);

/// <param name="Reason">sameName, sameNameReversed, seenName or sameDomain.</param>
/// <param name="Domain">The shared domain, for sameDomain.</param>
/// <param name="LinkAs">How one click links the address: primary when the client has no primary email, else secondary.</param>
public sealed record Suggestion(Guid ClientId, string DisplayName,
    [property: AllowedValues("sameName", "sameNameReversed", "seenName", "sameDomain")] string Reason, string? Domain,
    [property: AllowedValues("primary", "secondary")] string LinkAs);
/// <param name="Status">
/// client (a client has the address), unknown (suggestions may follow), colleague (the caller's own
/// organisation), notTracked (on the practice's never-track list) or invalid (not an address).
/// </param>
public sealed record SuggestionsResult(string? Address,
    [property: AllowedValues("client", "unknown", "colleague", "notTracked", "invalid")] string Status, IReadOnlyList<Suggestion> Suggestions);
public sealed record SuggestionsResponse(IReadOnlyList<SuggestionsResult> Results);
