using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.NeverTrack;

/// <summary>What the never-track list covers: an address listed itself, or one at a listed domain or below it.</summary>
public static class NeverTrackRules
{
    public const int MaxEntries = 1000;

    /// <summary>Reads an entry as typed: an address (has an @) or a domain, both in matching form.</summary>
    public static bool TryParse(string? input, out string value, out bool isDomain)
    {
        isDomain = input?.Contains('@') != true;
        value = "";
        if (isDomain) return EmailAddress.TryNormalizeDomain(input, out value);
        if (!EmailAddress.TryParse(input, out var address)) return false;
        value = address.Normalized;
        return true;
    }

    /// <summary>The list values that would cover a normalized address: itself, its domain and each parent domain.</summary>
    public static IEnumerable<string> CandidatesFor(string normalizedAddress)
    {
        yield return normalizedAddress;
        var domain = normalizedAddress[(normalizedAddress.LastIndexOf('@') + 1)..];
        while (domain.Contains('.'))
        {
            yield return domain;
            domain = domain[(domain.IndexOf('.') + 1)..];
        }
    }

    /// <summary>Which of these normalized addresses the caller's workspace never tracks (one index seek per candidate).</summary>
    public static async Task<HashSet<string>> CoveredAsync(AppDbContext db, IReadOnlyCollection<string> normalizedAddresses, CancellationToken cancellationToken)
    {
        if (normalizedAddresses.Count == 0) return [];
        var candidates = normalizedAddresses.SelectMany(CandidatesFor).Distinct(StringComparer.Ordinal).ToList();
        var listed = await db.NeverTrackEntries.AsNoTracking().Where(e => candidates.Contains(e.Value)).Select(e => e.Value).ToListAsync(cancellationToken);
        if (listed.Count == 0) return [];
        var set = listed.ToHashSet(StringComparer.Ordinal);
        return normalizedAddresses.Where(a => CandidatesFor(a).Any(set.Contains)).ToHashSet(StringComparer.Ordinal);
    }

    public static async Task<bool> CoversAsync(AppDbContext db, string? address, CancellationToken cancellationToken) =>
        EmailAddress.TryParse(address, out var parsed) && (await CoveredAsync(db, [parsed.Normalized], cancellationToken)).Count > 0;
}
