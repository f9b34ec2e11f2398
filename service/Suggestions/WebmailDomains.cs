using System.Collections.Frozen;

namespace OutlookCrm.Service.Suggestions;

/// <summary>
/// Domains anyone can have an address at: sharing one says nothing about being family, so they
/// never lead to a suggestion. The list is data (webmail-domains.txt), kept in one place.
/// </summary>
public static class WebmailDomains
{
    static readonly FrozenSet<string> Domains = Load();

    public static bool Contains(string asciiDomain) => Domains.Contains(asciiDomain);

    static FrozenSet<string> Load()
    {
        using var stream = typeof(WebmailDomains).Assembly.GetManifestResourceStream("OutlookCrm.Service.Suggestions.webmail-domains.txt")
            ?? throw new InvalidOperationException("webmail-domains.txt is not embedded in the service assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.ToLowerInvariant())
            .ToFrozenSet(StringComparer.Ordinal);
    }
}
