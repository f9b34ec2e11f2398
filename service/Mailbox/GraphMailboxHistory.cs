using System.Collections.Concurrent;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.History;

namespace OutlookCrm.Service.Mailbox;

/// <summary>
/// The caller's messages to or from any of a client's addresses, live from Microsoft Graph: one
/// KQL search over all addresses, a narrow $select, paged by @odata.nextLink. Graph trouble never
/// fails the history: past the time budget, or on errors, the result says unavailable (or
/// consent-required when the user must consent or pass MFA).
/// </summary>
public sealed class GraphMailboxHistory(
    IHttpClientFactory httpClients, ITokenAcquisition tokens, IHttpContextAccessor http, CurrentUser user,
    MailboxSettings settings, MailboxGates gates, MailboxOwner owner, ILogger<GraphMailboxHistory> logger) : IMailboxHistory
{
    public const string HttpClientName = "graph";
    static readonly string[] Fields = ["id", "internetMessageId", "subject", "from", "toRecipients", "ccRecipients", "receivedDateTime", "bodyPreview", "webLink"];

    public async Task<MailboxResult> FindAsync(IReadOnlyList<string> addresses, HistoryPosition? before, int count, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.Budget);
        var gate = gates.For(user.TenantId, user.UserId);
        var entered = false;
        try
        {
            await gate.WaitAsync(budget.Token);
            entered = true;
            return new MailboxResult(MailboxState.Ok, await SearchAsync(addresses, before, count, budget.Token));
        }
        catch (Exception e) when (Challenge(e) is { } challenge)
        {
            logger.LogInformation("Mailbox history needs the user's consent or sign-in");
            return new MailboxResult(MailboxState.ConsentRequired, [], challenge);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Mailbox history took longer than {Budget}; answering without it", settings.Budget);
            return MailboxResult.Of(MailboxState.Unavailable);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Mailbox history unavailable: {Error} {Status}", e.GetType().Name, (e as ODataError)?.ResponseStatusCode);
            return MailboxResult.Of(MailboxState.Unavailable);
        }
        finally
        {
            if (entered) gate.Release();
        }
    }

    async Task<List<MailboxMessage>> SearchAsync(IReadOnlyList<string> addresses, HistoryPosition? before, int count, CancellationToken cancellationToken)
    {
        var shared = owner.SharedAddress;
        var graph = CallerGraph.For(httpClients, HttpClientName, tokens, http, shared is null ? settings.Scopes : settings.SharedScopes, settings.GraphBaseUrl);
        var search = "\"" + string.Join(" OR ", addresses.Select(a => $"participants:{a}")) + "\"";
        var top = Math.Clamp(count, 1, 50);

        // The same query on the caller's own mailbox or, for a shared or delegate item, on its owner's.
        var page = shared is null
            ? await graph.Me.Messages.GetAsync(request =>
            {
                request.QueryParameters.Search = search;
                request.QueryParameters.Select = Fields;
                request.QueryParameters.Top = top;
            }, cancellationToken)
            : await graph.Users[shared].Messages.GetAsync(request =>
            {
                request.QueryParameters.Search = search;
                request.QueryParameters.Select = Fields;
                request.QueryParameters.Top = top;
            }, cancellationToken);

        var found = new List<MailboxMessage>();
        for (var pages = 1; page is not null; pages++)
        {
            foreach (var message in page.Value ?? [])
            {
                if (ToMailboxMessage(message) is not { } item) continue;
                if (before is null || new HistoryPosition(item.ReceivedAt, "m:" + item.Id).IsAfter(before)) found.Add(item);
            }
            if (found.Count >= count || page.OdataNextLink is null || pages >= settings.MaxPagesPerRequest) break;
            page = await graph.Me.Messages.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: cancellationToken);
        }
        return found;
    }

    static MailboxMessage? ToMailboxMessage(Message m) =>
        m.Id is null || m.ReceivedDateTime is null ? null : new MailboxMessage(
            m.Id, m.InternetMessageId, m.Subject, ToParticipant(m.From),
            (m.ToRecipients ?? []).Select(ToParticipant).OfType<EmailParticipant>().ToList(),
            (m.CcRecipients ?? []).Select(ToParticipant).OfType<EmailParticipant>().ToList(),
            m.ReceivedDateTime.Value.UtcDateTime, m.BodyPreview, m.WebLink);

    static EmailParticipant? ToParticipant(Recipient? r) =>
        r?.EmailAddress?.Address is { } address ? new EmailParticipant(r.EmailAddress.Name, address) : null;

    static MailboxChallenge? Challenge(Exception e) => e switch
    {
        MicrosoftIdentityWebChallengeUserException challenge => new MailboxChallenge(challenge.Scopes ?? [], challenge.MsalUiRequiredException?.Claims),
        MsalUiRequiredException ui => new MailboxChallenge([], ui.Claims),
        ODataError { ResponseStatusCode: 401 or 403 } => new MailboxChallenge([], null),
        _ when e.InnerException is not null => Challenge(e.InnerException),
        _ => null,
    };
}

/// <summary>At most a few Graph requests at once per mailbox, so one busy pane cannot get the user throttled.</summary>
public sealed class MailboxGates(MailboxSettings settings)
{
    readonly ConcurrentDictionary<(Guid, Guid), SemaphoreSlim> gates = new();

    public SemaphoreSlim For(Guid tenantId, Guid userId) =>
        gates.GetOrAdd((tenantId, userId), _ => new SemaphoreSlim(settings.MaxConcurrentRequestsPerMailbox));
}
