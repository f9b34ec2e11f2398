using System.Collections.Frozen;
using Microsoft.Graph;
using Microsoft.Identity.Web;
using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Mailbox;

namespace OutlookCrm.Service.Colleagues;

/// <summary>
/// The organisation's verified domains from Microsoft Graph (GET /organization, $select=verifiedDomains),
/// on behalf of the caller with User.Read, which is enough for that property. Failures never fail the
/// caller: they are logged and answered with no domains.
/// </summary>
public sealed class GraphOrganizationDomains(
    IHttpClientFactory httpClients, ITokenAcquisition tokens, IHttpContextAccessor http, CurrentUser user,
    MailboxSettings mailbox, OrganizationDomainCache cache, ILogger<GraphOrganizationDomains> logger) : IOrganizationDomains
{
    static readonly string[] Scopes = ["User.Read"];

    public Task<FrozenSet<string>> GetAsync(CancellationToken cancellationToken) => cache.GetAsync(user.WorkspaceId, ReadAsync, cancellationToken);

    async Task<FrozenSet<string>?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var graph = CallerGraph.For(httpClients, GraphMailboxHistory.HttpClientName, tokens, http, Scopes, mailbox.GraphBaseUrl);
            var organizations = await graph.Organization.GetAsync(r => r.QueryParameters.Select = ["verifiedDomains"], cancellationToken);
            return (organizations?.Value ?? [])
                .SelectMany(o => o.VerifiedDomains ?? [])
                .Select(d => EmailAddress.TryNormalizeDomain(d.Name, out var ascii) ? ascii : null)
                .OfType<string>()
                .ToFrozenSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The organisation's domains could not be read from Graph: {Error}", e.GetType().Name);
            return null;
        }
    }
}
