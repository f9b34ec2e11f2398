using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using OutlookCrm.Service.Mailbox;

namespace OutlookCrm.Service.Attachments;

/// <summary>
/// Reads a message's attachments from Microsoft Graph on behalf of the caller: the message by its
/// Internet message id, its attachment list (metadata only), then each file's raw bytes from
/// <c>/$value</c> as a stream, so a 25 MB file is never held as base64 JSON.
/// </summary>
public sealed class GraphMailboxAttachments(
    IHttpClientFactory httpClients, ITokenAcquisition tokens, IHttpContextAccessor http, Mailbox.MailboxSettings mailbox) : IMailboxAttachments
{
    public const string HttpClientName = "graph-attachments";
    static readonly Dictionary<string, ParsableFactory<IParsable>> Errors = new() { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

    GraphServiceClient? graph;
    GraphServiceClient Graph => graph ??= CallerGraph.For(httpClients, HttpClientName, tokens, http, mailbox.Scopes, mailbox.GraphBaseUrl);

    public async Task<MailboxMessageAttachments?> FindAsync(string internetMessageId, CancellationToken cancellationToken)
    {
        try
        {
            var found = await Graph.Me.Messages.GetAsync(request =>
            {
                request.QueryParameters.Filter = $"internetMessageId eq '{internetMessageId.Replace("'", "''")}'";
                request.QueryParameters.Select = ["id", "hasAttachments"];
                request.QueryParameters.Top = 1;
            }, cancellationToken);
            if (found?.Value?.FirstOrDefault() is not { Id: { } messageId } message) return null;
            if (message.HasAttachments == false) return new MailboxMessageAttachments(messageId, []);

            var list = await Graph.Me.Messages[messageId].Attachments.GetAsync(request =>
                request.QueryParameters.Select = ["id", "name", "contentType", "size", "isInline"], cancellationToken);
            var attachments = (list?.Value ?? [])
                .Where(a => a.Id is not null)
                .Select(a => new MailboxAttachment(a.Id!, a.Name, a.ContentType, Math.Max(0, a.Size ?? 0), a is FileAttachment, a.IsInline == true))
                .ToList();
            return new MailboxMessageAttachments(messageId, attachments);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new MailboxAttachmentsUnavailable(e);
        }
    }

    public async Task<Stream> OpenAsync(string messageId, string attachmentId, CancellationToken cancellationToken)
    {
        var request = new RequestInformation
        {
            HttpMethod = Method.GET,
            URI = new Uri($"{mailbox.GraphBaseUrl.TrimEnd('/')}/me/messages/{Uri.EscapeDataString(messageId)}/attachments/{Uri.EscapeDataString(attachmentId)}/$value"),
        };
        try
        {
            return await Graph.RequestAdapter.SendPrimitiveAsync<Stream>(request, Errors, cancellationToken) ?? Stream.Null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new MailboxAttachmentsUnavailable(e);
        }
    }
}
