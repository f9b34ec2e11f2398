using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.SendSaves;

/// <summary>
/// Development without a mailbox: Sent Items in memory, per workspace and user, filled by the preview
/// page's "Send" (<c>POST /api/dev/sent-items</c>), so save on send can be tried and tested end to end.
/// </summary>
public sealed class DevelopmentSentItemsStore
{
    readonly ConcurrentDictionary<(Guid Workspace, Guid User), ConcurrentQueue<SentMessage>> sent = new();

    public void Add(Guid workspaceId, Guid userId, SentMessage message) => sent.GetOrAdd((workspaceId, userId), _ => new()).Enqueue(message);

    public IEnumerable<SentMessage> Of(Guid workspaceId, Guid userId) => sent.TryGetValue((workspaceId, userId), out var list) ? list : [];
}

public sealed class DevelopmentSentItems(DevelopmentSentItemsStore store, CurrentUser user) : ISentItems
{
    public bool Connected => true;

    public Task<IReadOnlyDictionary<string, SentMessage>> FindAsync(IReadOnlySet<string> sendKeys, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, SentMessage>(StringComparer.Ordinal);
        foreach (var message in store.Of(user.WorkspaceId, user.UserId).Where(m => m.SentAt >= since))
            if (message.SendKey is { } key && sendKeys.Contains(key)) found.TryAdd(key, message);
        return Task.FromResult<IReadOnlyDictionary<string, SentMessage>>(found);
    }
}

public sealed record DevelopmentSentRequest(string? SendKey, string? Subject, List<EmailParticipant>? To, List<EmailParticipant>? Cc, string? Preview);

public static class DevelopmentSentItemsEndpoints
{
    public static void MapDevelopmentSentItems(this RouteGroupBuilder api) =>
        api.MapPost("/dev/sent-items", (DevelopmentSentRequest request, DevelopmentSentItemsStore store, CurrentUser user, TimeProvider clock) =>
            {
                if (request.SendKey is not null && !SendSaveRules.IsValidKey(request.SendKey)) throw ApiProblem.Validation("sendKey", "Not a send key.");
                var id = Guid.NewGuid().ToString("N");
                var message = new SentMessage(id, $"<{id}@preview.outlookcrm.invalid>", request.SendKey, request.Subject,
                    new EmailParticipant(user.Name, user.Email ?? "preview.user@example.com"), request.To ?? [], request.Cc ?? [], clock.GetUtcNow(), request.Preview);
                store.Add(user.WorkspaceId, user.UserId, message);
                return TypedResults.Created($"/api/dev/sent-items/{id}", new { message.Id, message.InternetMessageId });
            })
            .ProducesProblems(413, 415).WithTags("Development").WithSummary("The preview page's Send: puts the draft into the caller's in-memory Sent Items (Development without a mailbox).");
}
