namespace OutlookCrm.Service.Audit;

/// <summary>
/// How <see cref="AuditRecord.RevealedClients"/> holds its ids: sorted, space-separated, each as its 16 bytes
/// in unpadded base64 (22 characters; every lookup writes them, and 32 hex digits cost 10 bytes more per id).
/// Records written before that hold 32 hex digits per id, which are still read and searched.
/// </summary>
static class AuditRevealed
{
    const int TokenLength = 22;

    public static string Token(Guid clientId)
    {
        Span<byte> bytes = stackalloc byte[16];
        clientId.TryWriteBytes(bytes, bigEndian: true, out _);
        return Convert.ToBase64String(bytes)[..TokenLength];
    }

    /// <summary>The form records written before the compact one hold.</summary>
    public static string HexToken(Guid clientId) => clientId.ToString("N");

    public static string? Format(IEnumerable<Guid> clientIds)
    {
        var text = string.Join(' ', clientIds.Order().Select(Token));
        return text.Length == 0 ? null : text;
    }

    public static IReadOnlyList<Guid> Parse(string? text) =>
        text is null ? [] : text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(IdOf).ToList();

    static Guid IdOf(string token) => token.Length == TokenLength
        ? new Guid(Convert.FromBase64String(token + "=="), bigEndian: true)
        : Guid.ParseExact(token, "N");
}
