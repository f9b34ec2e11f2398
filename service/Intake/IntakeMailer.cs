using System.Collections.Concurrent;
using System.Net;
using Microsoft.Graph;
using Microsoft.Graph.Me.SendMail;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using OutlookCrm.Service.Mailbox;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Intake;

public sealed record IntakeEmail(string To, string Subject, string Body, string Link);

/// <summary>The seam that sends intake emails: the user's own mailbox in production, a local outbox in Development.</summary>
public interface IIntakeMailer
{
    Task SendAsync(IntakeEmail email, CancellationToken cancellationToken);
}

/// <summary>Sends from the practitioner's mailbox through Graph sendMail, on behalf of the user (Mail.Send).</summary>
public sealed class GraphIntakeMailer(
    IHttpClientFactory httpClients, ITokenAcquisition tokens, IHttpContextAccessor http, Mailbox.MailboxSettings settings, ILogger<GraphIntakeMailer> logger) : IIntakeMailer
{
    public const string HttpClientName = "graph-send";
    static readonly string[] Scopes = ["Mail.Send"];

    public async Task SendAsync(IntakeEmail email, CancellationToken cancellationToken)
    {
        var graph = CallerGraph.For(httpClients, HttpClientName, tokens, http, Scopes, settings.GraphBaseUrl);
        try
        {
            await graph.Me.SendMail.PostAsync(new SendMailPostRequestBody
            {
                Message = new Message
                {
                    Subject = email.Subject,
                    Body = new ItemBody { ContentType = BodyType.Html, Content = HtmlBody(email) },
                    ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = email.To } }],
                },
                SaveToSentItems = true,
            }, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is MicrosoftIdentityWebChallengeUserException or MsalUiRequiredException or ODataError { ResponseStatusCode: 401 or 403 }
                                    || e.InnerException is MsalUiRequiredException)
        {
            throw new ApiProblem(403, ProblemCodes.MailConsentRequired, "Sending email needs your consent.", "Allow OutlookCrm to send email as you, then try again.")
                .With("scopes", Scopes);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ApiProblem)
        {
            logger.LogWarning("Sending an intake email failed: {Error} {Status}", e.GetType().Name, (e as ODataError)?.ResponseStatusCode);
            throw ApiProblem.MailUnavailable();
        }
    }

    /// <summary>
    /// The plain body as HTML, so the link is clickable in every mail client: a paragraph per
    /// blank-line-separated part, line breaks kept, every piece of text (names come from the record) encoded.
    /// </summary>
    static string HtmlBody(IntakeEmail email)
    {
        var paragraphs = email.Body.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Concat(paragraphs.Select(paragraph => $"<p>{string.Join("<br>", paragraph.Split('\n').Select(line => LineHtml(line, email.Link)))}</p>"));
    }

    static string LineHtml(string line, string link)
    {
        var anchor = $"<a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a>";
        return string.Join(anchor, line.Split(link).Select(WebUtility.HtmlEncode));
    }
}

/// <summary>Development has no mailbox to send from: emails land here, per workspace, and the preview page shows them.</summary>
public sealed class DevelopmentOutbox(TimeProvider clock, IHttpContextAccessor http) : IIntakeMailer
{
    const int Capacity = 200;
    readonly ConcurrentQueue<(Guid WorkspaceId, OutboxMessage Message)> messages = new();
    readonly ConcurrentDictionary<Guid, bool> failNext = new();

    public Task SendAsync(IntakeEmail email, CancellationToken cancellationToken)
    {
        var workspaceId = http.HttpContext?.RequestServices.GetRequiredService<Auth.CurrentUser>().WorkspaceId ?? Guid.Empty;
        if (failNext.TryRemove(workspaceId, out _)) throw ApiProblem.MailUnavailable();
        messages.Enqueue((workspaceId, new OutboxMessage(Guid.CreateVersion7(), email.To, email.Subject, email.Body, email.Link, clock.GetUtcNow().UtcDateTime)));
        while (messages.Count > Capacity) messages.TryDequeue(out _);
        return Task.CompletedTask;
    }

    /// <summary>The workspace's next send fails as a mailbox outage would, so the pane's not-sent path can be tried end to end.</summary>
    public void FailNextSend(Guid workspaceId) => failNext[workspaceId] = true;

    /// <summary>The workspace's own emails only: links in them are capabilities.</summary>
    public IReadOnlyList<OutboxMessage> Newest(Guid workspaceId) =>
        messages.Reverse().Where(m => m.WorkspaceId == workspaceId).Select(m => m.Message).ToList();
}
