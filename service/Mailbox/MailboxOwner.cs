using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;

namespace OutlookCrm.Service.Mailbox;

/// <summary>
/// Whose mailbox this request reads: the caller's own (no address) or a shared or delegate mailbox the
/// pane named with <c>?mailbox=</c>. Only the mailbox changes; the caller stays the signed-in person,
/// so audit and "saved by" name them.
/// </summary>
public sealed class MailboxOwner
{
    public string? SharedAddress { get; private set; }

    public void ReadShared(string address) => SharedAddress = address;
}

public enum MailboxReach { Reachable, NotShared, ConsentRequired, Unavailable, NotConnected }

/// <summary>Whether the caller may read another person's mailbox (Graph answers for the mailbox's permissions).</summary>
public interface IMailboxOwnerAccess
{
    Task<MailboxReach> CheckAsync(string ownerAddress, CancellationToken cancellationToken);
}

/// <summary>Development without Graph reads no mailbox at all, so there is nothing to check.</summary>
public sealed class NotConnectedMailboxOwners : IMailboxOwnerAccess
{
    public Task<MailboxReach> CheckAsync(string ownerAddress, CancellationToken cancellationToken) => Task.FromResult(MailboxReach.NotConnected);
}

/// <summary>
/// Reads one message id of <c>/users/{owner}/messages</c> with the <c>.Shared</c> scope: Graph answers
/// 403 (or 404) when the owner has not shared that mailbox with the caller.
/// </summary>
public sealed class GraphMailboxOwnerAccess(
    IHttpClientFactory httpClients, ITokenAcquisition tokens, IHttpContextAccessor http, MailboxSettings settings, ILogger<GraphMailboxOwnerAccess> logger) : IMailboxOwnerAccess
{
    public async Task<MailboxReach> CheckAsync(string ownerAddress, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.Budget);
        try
        {
            var graph = CallerGraph.For(httpClients, GraphMailboxHistory.HttpClientName, tokens, http, settings.SharedScopes, settings.GraphBaseUrl);
            await graph.Users[ownerAddress].Messages.GetAsync(request =>
            {
                request.QueryParameters.Top = 1;
                request.QueryParameters.Select = ["id"];
            }, budget.Token);
            return MailboxReach.Reachable;
        }
        catch (ODataError e) when (e.ResponseStatusCode is 403 or 404)
        {
            return MailboxReach.NotShared;
        }
        catch (Exception e) when (e is MicrosoftIdentityWebChallengeUserException or MsalUiRequiredException || e.InnerException is MsalUiRequiredException
                                    || e is ODataError { ResponseStatusCode: 401 })
        {
            return MailboxReach.ConsentRequired;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not tell whether a shared mailbox is reachable: {Error} {Status}", e.GetType().Name, (e as ODataError)?.ResponseStatusCode);
            return MailboxReach.Unavailable;
        }
    }
}
