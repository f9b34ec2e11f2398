using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.History;

/// <param name="MessageSaved">Whether the email asked about (?internetMessageId=) is already on this client's record.</param>
public sealed record ConversationClient(Guid ClientId, string Name, bool MessageSaved);

/// <summary>The clients whose record holds an email of the conversation (none: the conversation is not saved anywhere).</summary>
public sealed record ConversationSaves(IReadOnlyList<ConversationClient> Clients);

/// <summary>
/// "Part of a conversation saved to Ana's record": which records already hold an email of an Outlook
/// conversation, so the pane can offer (or, by the user's setting, do) saving the email open too.
/// One indexed query (workspace, conversation); the workspace filter keeps it inside the tenant.
/// </summary>
public static class ConversationSaveEndpoints
{
    const int MaxClients = 20;

    public static void MapConversationSaves(this RouteGroupBuilder api)
    {
        api.MapGet("/conversations/saved", GetAsync).WithTags("History").WithName("ConversationSaves")
            .WithSummary("The clients whose record holds an email of the conversation (?conversationId=), and whether the email ?internetMessageId= is saved to each.")
            .Audit("conversation.find", "conversation", routeKey: null);
    }

    static async Task<Ok<ConversationSaves>> GetAsync(string? conversationId, string? internetMessageId, AppDbContext db, CancellationToken cancellationToken)
    {
        var conversation = conversationId?.Trim();
        if (SavedEmails.ConversationIdError(conversation) is { } error) throw ApiProblem.Validation("conversationId", error);
        var messageId = internetMessageId?.Trim();
        if (messageId is not null && SavedEmails.MessageIdError(messageId) is { } messageError) throw ApiProblem.Validation("internetMessageId", messageError);

        // Plain GROUP BY + MAX and a second indexed lookup: both translate the same on SQLite and SQL Server.
        var saved = await db.SavedEmails.AsNoTracking()
            .Where(s => s.ConversationId == conversation)
            .GroupBy(s => s.ClientId)
            .Select(g => new { ClientId = g.Key, Latest = g.Max(s => s.SavedAt) })
            .ToListAsync(cancellationToken);
        var messageSavedTo = messageId is null ? [] : await db.SavedEmails.AsNoTracking()
            .Where(s => s.ConversationId == conversation && s.InternetMessageId == messageId)
            .Select(s => s.ClientId)
            .ToListAsync(cancellationToken);
        var ids = saved.Select(s => s.ClientId).ToList();
        var clients = await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.PreferredName })
            .ToListAsync(cancellationToken);
        var names = clients.ToDictionary(c => c.Id, c => ClientNames.Display(c.FirstName, c.LastName, c.PreferredName));
        var result = saved
            .Where(s => names.ContainsKey(s.ClientId))
            .OrderByDescending(s => s.Latest)
            .Take(MaxClients)
            .Select(s => new ConversationClient(s.ClientId, names[s.ClientId], messageSavedTo.Contains(s.ClientId)))
            .ToList();
        return TypedResults.Ok(new ConversationSaves(result));
    }
}
