using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Identity.Web;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Mailbox;

namespace OutlookCrm.Service.SendSaves;

/// <summary>A sent message as Sent Items holds it, with the send key our pane stamped on it (if any).</summary>
public sealed record SentMessage(
    string Id, string InternetMessageId, string? SendKey, string? Subject, EmailParticipant? From,
    IReadOnlyList<EmailParticipant> To, IReadOnlyList<EmailParticipant> Cc, DateTimeOffset SentAt, string? Preview, string? ConversationId = null);

/// <summary>The mailbox could not be read now (throttled past its retries, down, consent needed): the saves stay pending.</summary>
public sealed class SentItemsUnavailable(Exception inner) : Exception("Sent Items could not be read.", inner);

/// <summary>The seam to the signed-in user's Sent Items (Microsoft Graph in production).</summary>
public interface ISentItems
{
    /// <summary>False where there is no mailbox to read (Development without Graph): nothing is ever found.</summary>
    bool Connected { get; }

    /// <summary>Messages sent since <paramref name="since"/> that carry one of <paramref name="sendKeys"/>, by key.</summary>
    Task<IReadOnlyDictionary<string, SentMessage>> FindAsync(IReadOnlySet<string> sendKeys, DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>Development without Entra: there is no mailbox, so nothing is ever found and saves stay pending until they expire.</summary>
public sealed class NotConnectedSentItems : ISentItems
{
    public bool Connected => false;

    public Task<IReadOnlyDictionary<string, SentMessage>> FindAsync(IReadOnlySet<string> sendKeys, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, SentMessage>>(new Dictionary<string, SentMessage>());
}

/// <summary>
/// Reads <c>/me/mailFolders/sentitems/messages</c> newest first since the oldest pending save, with the
/// messages' Internet headers, and matches our <see cref="SendSaveRules.HeaderName"/>. Graph cannot
/// filter on a header, so the time window (at most <see cref="SendSaveRules.Lifetime"/>) and a page limit bound the read.
/// </summary>
public sealed class GraphSentItems(IHttpClientFactory httpClients, ITokenAcquisition tokens, IHttpContextAccessor http, Mailbox.MailboxSettings mailbox) : ISentItems
{
    public const string HttpClientName = "graph-sent-items";
    public bool Connected => true;
    const int MaxPages = 10;
    static readonly string[] Fields = ["id", "internetMessageId", "internetMessageHeaders", "subject", "from", "toRecipients", "ccRecipients", "sentDateTime", "bodyPreview", "conversationId"];

    public async Task<IReadOnlyDictionary<string, SentMessage>> FindAsync(IReadOnlySet<string> sendKeys, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, SentMessage>(StringComparer.Ordinal);
        try
        {
            var graph = CallerGraph.For(httpClients, HttpClientName, tokens, http, mailbox.Scopes, mailbox.GraphBaseUrl);
            var page = await graph.Me.MailFolders["sentitems"].Messages.GetAsync(request =>
            {
                request.QueryParameters.Filter = $"sentDateTime ge {since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
                request.QueryParameters.Orderby = ["sentDateTime desc"];
                request.QueryParameters.Select = Fields;
                request.QueryParameters.Top = 50;
            }, cancellationToken);
            for (var pages = 1; page is not null; pages++)
            {
                foreach (var message in page.Value ?? [])
                    if (ToSent(message) is { SendKey: { } key } sent && sendKeys.Contains(key)) found.TryAdd(key, sent);
                if (found.Count == sendKeys.Count || page.OdataNextLink is null || pages >= MaxPages) break;
                page = await graph.Me.MailFolders["sentitems"].Messages.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: cancellationToken);
            }
            return found;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new SentItemsUnavailable(e);
        }
    }

    static SentMessage? ToSent(Message m)
    {
        if (m.Id is null || m.InternetMessageId is null || m.SentDateTime is null) return null;
        var key = m.InternetMessageHeaders?.FirstOrDefault(h => string.Equals(h.Name, SendSaveRules.HeaderName, StringComparison.OrdinalIgnoreCase))?.Value?.Trim();
        return new SentMessage(m.Id, m.InternetMessageId, key, m.Subject, Participant(m.From),
            (m.ToRecipients ?? []).Select(Participant).OfType<EmailParticipant>().ToList(),
            (m.CcRecipients ?? []).Select(Participant).OfType<EmailParticipant>().ToList(),
            m.SentDateTime.Value, m.BodyPreview, m.ConversationId);
    }

    static EmailParticipant? Participant(Recipient? r) =>
        r?.EmailAddress?.Address is { } address ? new EmailParticipant(r.EmailAddress.Name, address) : null;
}
