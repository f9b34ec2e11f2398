using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OutlookCrm.Service.Tests.Support;

/// <summary>
/// A local stand-in for Microsoft Graph on 127.0.0.1 that speaks Graph's JSON: /me/messages with
/// $search over participants and $top paging with @odata.nextLink; /me/sendMail, which keeps what it
/// was asked to send; and scripted faults for the next requests to either (429 with Retry-After, 503,
/// a response held until the test releases it, a dropped connection, malformed JSON, a consent error);
/// /organization with the tenant's verified domains; /users/{owner}/messages for shared and delegate
/// mailboxes, answering 403 to anyone the owner has not shared the mailbox with and 404 for no such mailbox;
/// and a message's attachments: found by $filter=internetMessageId, listed, and served raw from /$value,
/// with faults of their own; and Sent Items (/me/mailFolders/sentitems/messages, $filter on sentDateTime,
/// newest first, with each message's Internet headers), with faults of its own.
/// </summary>
public sealed partial class FakeGraphServer : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentDictionary<string, int> inFlight = new();

    public string BaseUrl { get; }
    public ConcurrentQueue<(string Search, string? Authorization)> Requests { get; } = new();
    public ConcurrentQueue<(JsonObject Request, string? Authorization)> SentMail { get; } = new();
    public ConcurrentQueue<Func<HttpContext, Task>> Faults { get; } = new();
    public ConcurrentBag<JsonObject> Messages { get; } = [];
    /// <summary>What GET /organization names as the tenant's verified domains.</summary>
    public List<string> VerifiedDomains { get; } = [];
    public ConcurrentQueue<(string Select, string? Authorization)> OrganizationRequests { get; } = new();
    /// <summary>Shared and delegate mailboxes by owner address.</summary>
    public ConcurrentDictionary<string, SharedMailbox> SharedMailboxes { get; } = new(StringComparer.OrdinalIgnoreCase);
    public ConcurrentQueue<(string Owner, string Search, string? Authorization)> SharedRequests { get; } = new();
    /// <summary>Faults for the next attachment requests (find by id, list, content), apart from the history's.</summary>
    public ConcurrentQueue<Func<HttpContext, Task>> AttachmentFaults { get; } = new();
    public ConcurrentQueue<(string Path, string? Authorization)> AttachmentRequests { get; } = new();
    readonly ConcurrentDictionary<string, List<FakeAttachment>> attachments = new();
    /// <summary>Messages in Sent Items (also in <see cref="Messages"/>, so their attachments are found).</summary>
    public ConcurrentBag<JsonObject> SentItems { get; } = [];
    /// <summary>Faults for the next Sent Items requests.</summary>
    public ConcurrentQueue<Func<HttpContext, Task>> SentItemsFaults { get; } = new();
    public ConcurrentQueue<(string Query, string? Authorization)> SentItemsRequests { get; } = new();
    public TimeSpan Delay { get; set; }
    public int MaxConcurrentPerToken { get; private set; }

    FakeGraphServer(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<FakeGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeGraphServer? server = null;
        app.MapGet("/v1.0/me/messages", (HttpContext http) => server!.ServeAsync(http));
        app.MapPost("/v1.0/me/sendMail", (HttpContext http) => server!.AcceptMailAsync(http));
        app.MapGet("/v1.0/users/{owner}/messages", (string owner, HttpContext http) => server!.ServeSharedAsync(owner, http));
        app.MapGet("/v1.0/me/messages/{messageId}/attachments", (HttpContext http, string messageId) => server!.ListAttachmentsAsync(http, messageId));
        app.MapGet("/v1.0/me/messages/{messageId}/attachments/{attachmentId}/$value", (HttpContext http, string messageId, string attachmentId) => server!.ServeAttachmentAsync(http, messageId, attachmentId));
        app.MapGet("/v1.0/me/mailFolders/sentitems/messages", (HttpContext http) => server!.ServeSentItemsAsync(http));
        app.MapGet("/v1.0/organization", (HttpContext http) => server!.ServeOrganizationAsync(http));
        await app.StartAsync();
        server = new FakeGraphServer(app, app.Urls.Single() + "/v1.0");
        return server;
    }

    public JsonObject AddMessage(string id, string from, string[] to, DateTime received, string subject, string? internetMessageId = null)
    {
        var message = NewMessage(id, from, to, received, subject, internetMessageId);
        Messages.Add(message);
        return message;
    }

    /// <summary>A message the user sent, in Sent Items, stamped with our send key header when <paramref name="sendKey"/> is given.</summary>
    public JsonObject AddSentMessage(string id, string from, string[] to, DateTime sent, string subject, string? sendKey, string? internetMessageId = null)
    {
        var message = NewMessage(id, from, to, sent, subject, internetMessageId);
        message["sentDateTime"] = sent.ToString("yyyy-MM-ddTHH:mm:ssZ");
        var headers = new JsonArray((JsonNode)new JsonObject { ["name"] = "Message-ID", ["value"] = message["internetMessageId"]!.GetValue<string>() });
        if (sendKey is not null) headers.Add(new JsonObject { ["name"] = "X-OutlookCrm-Send-Key", ["value"] = sendKey });
        message["internetMessageHeaders"] = headers;
        Messages.Add(message);
        SentItems.Add(message);
        return message;
    }

    async Task ServeSentItemsAsync(HttpContext http)
    {
        SentItemsRequests.Enqueue((http.Request.QueryString.ToString(), http.Request.Headers.Authorization.ToString()));
        if (SentItemsFaults.TryDequeue(out var fault))
        {
            await fault(http);
            return;
        }
        var since = SentSincePattern().Match(http.Request.Query["$filter"].ToString());
        var from = since.Success ? DateTime.Parse(since.Groups[1].Value, null, System.Globalization.DateTimeStyles.AdjustToUniversal) : DateTime.MinValue;
        var top = int.TryParse(http.Request.Query["$top"], out var t) ? t : 10;
        var skip = int.TryParse(http.Request.Query["$skiptoken"], out var s) ? s : 0;
        var matching = SentItems
            .Where(m => DateTime.Parse(m["sentDateTime"]!.GetValue<string>(), null, System.Globalization.DateTimeStyles.AdjustToUniversal) >= from)
            .OrderByDescending(m => m["sentDateTime"]!.GetValue<string>())
            .ToList();
        var page = new JsonObject { ["value"] = new JsonArray(matching.Skip(skip).Take(top).Select(m => m.DeepClone()).ToArray()) };
        if (skip + top < matching.Count)
            page["@odata.nextLink"] = $"{BaseUrl}/me/mailFolders/sentitems/messages?$filter={Uri.EscapeDataString(http.Request.Query["$filter"].ToString())}&$top={top}&$skiptoken={skip + top}";
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(page.ToJsonString());
    }

    [GeneratedRegex("sentDateTime ge (\\S+)")]
    private static partial Regex SentSincePattern();

    /// <summary>A mailbox of <paramref name="owner"/> that the users holding <paramref name="readerTokens"/> may read.</summary>
    public SharedMailbox ShareMailbox(string owner, params string[] readerTokens)
    {
        var mailbox = SharedMailboxes.GetOrAdd(owner, _ => new SharedMailbox());
        foreach (var token in readerTokens) mailbox.Readers.Add($"Bearer {token}");
        return mailbox;
    }

    public sealed class SharedMailbox
    {
        public ConcurrentBag<JsonObject> Messages { get; } = [];
        public ConcurrentBag<string> Readers { get; } = [];
        /// <summary>Scripted answers for the next requests to this mailbox.</summary>
        public ConcurrentQueue<Func<HttpContext, Task>> Faults { get; } = new();

        public void AddMessage(string id, string from, string[] to, DateTime received, string subject, string? internetMessageId = null) =>
            Messages.Add(NewMessage(id, from, to, received, subject, internetMessageId));
    }

    static JsonObject NewMessage(string id, string from, string[] to, DateTime received, string subject, string? internetMessageId)
    {
        return new JsonObject
        {
            ["id"] = id,
            ["internetMessageId"] = internetMessageId ?? $"<{id}@mail.example.com>",
            ["subject"] = subject,
            ["from"] = Recipient(from),
            ["toRecipients"] = new JsonArray(to.Select(a => (JsonNode)Recipient(a)).ToArray()),
            ["ccRecipients"] = new JsonArray(),
            ["receivedDateTime"] = received.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["bodyPreview"] = $"Preview of {subject}",
            ["webLink"] = $"https://outlook.office.com/owa/?ItemID={id}",
        };
    }

    static JsonObject Recipient(string address) => new() { ["emailAddress"] = new JsonObject { ["name"] = address.Split('@')[0], ["address"] = address } };

    /// <summary>
    /// An attachment of a message. <paramref name="declaredSize"/> is what the listing claims (the real
    /// size by default; a smaller one makes a lying sender); <paramref name="odataType"/> an item or
    /// reference attachment instead of a file.
    /// </summary>
    public void AddAttachment(JsonObject message, string name, byte[] content, string contentType = "application/pdf",
        long? declaredSize = null, string odataType = "#microsoft.graph.fileAttachment", bool isInline = false)
    {
        var messageId = message["id"]!.GetValue<string>();
        message["hasAttachments"] = true;
        var list = attachments.GetOrAdd(messageId, _ => []);
        lock (list) list.Add(new FakeAttachment($"att-{list.Count}-{Guid.NewGuid():N}", name, content, contentType, declaredSize ?? content.Length, odataType, isInline));
    }

    sealed record FakeAttachment(string Id, string Name, byte[] Content, string ContentType, long DeclaredSize, string ODataType, bool IsInline);

    async Task<bool> AttachmentFaultAsync(HttpContext http)
    {
        AttachmentRequests.Enqueue((http.Request.Path + http.Request.QueryString, http.Request.Headers.Authorization.ToString()));
        if (!AttachmentFaults.TryDequeue(out var fault)) return false;
        await fault(http);
        return true;
    }

    async Task FindByInternetMessageIdAsync(HttpContext http)
    {
        if (await AttachmentFaultAsync(http)) return;
        var filter = InternetMessageIdFilter().Match(http.Request.Query["$filter"].ToString());
        var wanted = filter.Success ? filter.Groups[1].Value.Replace("''", "'") : null;
        var found = Messages.Where(m => m["internetMessageId"]?.GetValue<string>() == wanted)
            .Select(m => (JsonNode)new JsonObject { ["id"] = m["id"]!.GetValue<string>(), ["hasAttachments"] = m["hasAttachments"]?.GetValue<bool>() ?? false })
            .Take(1).ToArray();
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject { ["value"] = new JsonArray(found) }.ToJsonString());
    }

    async Task ListAttachmentsAsync(HttpContext http, string messageId)
    {
        if (await AttachmentFaultAsync(http)) return;
        var list = attachments.GetValueOrDefault(messageId) ?? [];
        JsonNode[] items;
        lock (list) items = list.Select(a => (JsonNode)new JsonObject
        {
            ["@odata.type"] = a.ODataType,
            ["id"] = a.Id,
            ["name"] = a.Name,
            ["contentType"] = a.ContentType,
            ["size"] = a.DeclaredSize,
            ["isInline"] = a.IsInline,
        }).ToArray();
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject { ["value"] = new JsonArray(items) }.ToJsonString());
    }

    async Task ServeAttachmentAsync(HttpContext http, string messageId, string attachmentId)
    {
        if (await AttachmentFaultAsync(http)) return;
        var list = attachments.GetValueOrDefault(messageId) ?? [];
        FakeAttachment? attachment;
        lock (list) attachment = list.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is null || attachment.ODataType != "#microsoft.graph.fileAttachment")
        {
            await Status(404)(http);
            return;
        }
        // Graph serves what the sender declared; the service must not trust it.
        http.Response.ContentType = attachment.ContentType;
        await http.Response.Body.WriteAsync(attachment.Content);
    }

    [GeneratedRegex("internetMessageId eq '((?:[^']|'')*)'")]
    private static partial Regex InternetMessageIdFilter();

    async Task ServeAsync(HttpContext http)
    {
        if (http.Request.Query.ContainsKey("$filter"))
        {
            await FindByInternetMessageIdAsync(http);
            return;
        }
        var authorization = http.Request.Headers.Authorization.ToString();
        var search = http.Request.Query["$search"].ToString();
        Requests.Enqueue((search, authorization));
        var now = inFlight.AddOrUpdate(authorization, 1, (_, n) => n + 1);
        lock (inFlight) MaxConcurrentPerToken = Math.Max(MaxConcurrentPerToken, now);
        try
        {
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay, http.RequestAborted);
            if (Faults.TryDequeue(out var fault))
            {
                await fault(http);
                return;
            }
            await WritePageAsync(http, search, Messages, $"{BaseUrl}/me/messages");
        }
        finally
        {
            inFlight.AddOrUpdate(authorization, 0, (_, n) => n - 1);
        }
    }

    async Task AcceptMailAsync(HttpContext http)
    {
        if (Faults.TryDequeue(out var fault))
        {
            await fault(http);
            return;
        }
        var request = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))!.AsObject();
        SentMail.Enqueue((request, http.Request.Headers.Authorization.ToString()));
        http.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    async Task ServeOrganizationAsync(HttpContext http)
    {
        OrganizationRequests.Enqueue((http.Request.Query["$select"].ToString(), http.Request.Headers.Authorization.ToString()));
        if (Faults.TryDequeue(out var fault))
        {
            await fault(http);
            return;
        }
        var domains = new JsonArray(VerifiedDomains.Select(d => (JsonNode)new JsonObject { ["name"] = d, ["isDefault"] = false, ["isInitial"] = false, ["type"] = "Managed" }).ToArray());
        var organization = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["verifiedDomains"] = domains };
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject { ["value"] = new JsonArray(organization) }.ToJsonString());
    }

    async Task ServeSharedAsync(string owner, HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var search = http.Request.Query["$search"].ToString();
        SharedRequests.Enqueue((owner, search, authorization));
        if (!SharedMailboxes.TryGetValue(owner, out var mailbox))
            await WriteErrorAsync(http, 404, "ErrorInvalidUser", "The requested user is invalid.");
        else if (mailbox.Faults.TryDequeue(out var fault))
            await fault(http);
        else if (!mailbox.Readers.Contains(authorization))
            await WriteErrorAsync(http, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        else
            await WritePageAsync(http, search, mailbox.Messages, $"{BaseUrl}/users/{Uri.EscapeDataString(owner)}/messages");
    }

    static async Task WriteErrorAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message } }));
    }

    async Task WritePageAsync(HttpContext http, string search, IEnumerable<JsonObject> messages, string nextLinkBase)
    {
        var addresses = ParticipantPattern().Matches(search).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet();
        var top = int.TryParse(http.Request.Query["$top"], out var t) ? t : 10;
        var skip = int.TryParse(http.Request.Query["$skiptoken"], out var s) ? s : 0;
        var matching = messages
            .Where(m => Participants(m).Any(addresses.Contains))
            .OrderByDescending(m => m["receivedDateTime"]!.GetValue<string>())
            .ToList();
        var page = new JsonObject { ["value"] = new JsonArray(matching.Skip(skip).Take(top).Select(m => m.DeepClone()).ToArray()) };
        if (skip + top < matching.Count)
            page["@odata.nextLink"] = $"{nextLinkBase}?$search={Uri.EscapeDataString(search)}&$top={top}&$skiptoken={skip + top}";
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(page.ToJsonString());
    }

    static IEnumerable<string> Participants(JsonObject m) =>
        new[] { m["from"] }.Concat(m["toRecipients"]!.AsArray()).Concat(m["ccRecipients"]!.AsArray())
            .Select(r => r!["emailAddress"]!["address"]!.GetValue<string>().ToLowerInvariant());

    [GeneratedRegex("participants:([^\\s\"]+)")]
    private static partial Regex ParticipantPattern();

    public static Func<HttpContext, Task> Status(int status, string? retryAfter = null) => async http =>
    {
        http.Response.StatusCode = status;
        if (retryAfter is not null) http.Response.Headers.RetryAfter = retryAfter;
        http.Response.ContentType = "application/json";
        var code = status switch { 401 => "InvalidAuthenticationToken", 404 => "ErrorItemNotFound", 413 => "RequestEntityTooLarge", 429 => "TooManyRequests", _ => "ServiceUnavailable" };
        await http.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message = "Try again later." } }));
    };

    /// <summary>Answers only once <paramref name="release"/> completes (or the caller gives up).</summary>
    public static Func<HttpContext, Task> HoldUntil(Task release) => async http =>
    {
        await release.WaitAsync(http.RequestAborted);
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync("""{"value":[]}""");
    };

    public static Func<HttpContext, Task> DroppedConnection => http =>
    {
        http.Abort();
        return Task.CompletedTask;
    };

    public static Func<HttpContext, Task> MalformedJson => http =>
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync("{\"value\": [ {\"id\": ");
    };

    public static Func<HttpContext, Task> ConsentError => async http =>
    {
        http.Response.StatusCode = 403;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync("""{"error":{"code":"ErrorAccessDenied","message":"Access is denied. Check credentials and try again."}}""");
    };

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
