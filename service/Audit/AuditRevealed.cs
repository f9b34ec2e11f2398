namespace OutlookCrm.Service.Audit;

/// <summary>How <see cref="AuditRecord.RevealedClients"/> holds its ids: 32 hex digits each, sorted, space-separated.</summary>
static class AuditRevealed
{
    public static string Token(Guid clientId) => clientId.ToString("N");

    public static string? Format(IEnumerable<Guid> clientIds)
    {
        var text = string.Join(' ', clientIds.Order().Select(Token));
        return text.Length == 0 ? null : text;
    }

    public static IReadOnlyList<Guid> Parse(string? text) =>
        text is null ? [] : text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
}
