using System.Collections.Concurrent;
using System.Collections.Frozen;
using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Auth;

namespace OutlookCrm.Service.Colleagues;

/// <summary>The domains of the caller's own organisation: an address at one of them is a colleague, not a client.</summary>
public interface IOrganizationDomains
{
    /// <returns>The domains in matching form (ASCII, lower case); empty when they cannot be known right now.</returns>
    Task<FrozenSet<string>> GetAsync(CancellationToken cancellationToken);
}

public sealed class ColleagueSettings
{
    public const string Section = "Colleagues";

    /// <summary>Development and tests: the organisation's domains, as Graph would name them.</summary>
    public string[] Domains { get; set; } = [];

    /// <summary>How long a workspace's domains are kept before they are read from Graph again.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>Development without Entra: the domains configured under Colleagues:Domains.</summary>
public sealed class ConfiguredOrganizationDomains(ColleagueSettings settings) : IOrganizationDomains
{
    readonly FrozenSet<string> domains = settings.Domains
        .Select(d => EmailAddress.TryNormalizeDomain(d, out var ascii) ? ascii : throw new InvalidOperationException($"Colleagues:Domains holds an invalid domain."))
        .ToFrozenSet(StringComparer.Ordinal);

    public Task<FrozenSet<string>> GetAsync(CancellationToken cancellationToken) => Task.FromResult(domains);
}

/// <summary>
/// Domains read once per workspace and kept for <see cref="ColleagueSettings.CacheFor"/>; a failed
/// read is kept only briefly, so colleagues are recognised again soon after Graph is back.
/// </summary>
public sealed class OrganizationDomainCache(ColleagueSettings settings, TimeProvider clock)
{
    static readonly TimeSpan RetryFailedAfter = TimeSpan.FromMinutes(5);
    readonly ConcurrentDictionary<Guid, (FrozenSet<string> Domains, DateTimeOffset Until)> byWorkspace = new();

    public async Task<FrozenSet<string>> GetAsync(Guid workspaceId, Func<CancellationToken, Task<FrozenSet<string>?>> read, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (byWorkspace.TryGetValue(workspaceId, out var kept) && kept.Until > now) return kept.Domains;
        var domains = await read(cancellationToken);
        var entry = domains is null ? (FrozenSet<string>.Empty, now + RetryFailedAfter) : (domains, now + settings.CacheFor);
        byWorkspace[workspaceId] = entry;
        return entry.Item1;
    }
}
