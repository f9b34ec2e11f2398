using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Mailbox;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.SendSaves;

/// <summary>
/// Save on send: the pane records the choice for a draft (<c>PUT /send-saves/{key}</c>), Outlook's send
/// event reports the send (<c>POST …/sent</c>, answered at once: the message reaches Sent Items only
/// after the event), and <c>POST /send-saves/resolve</c> saves what has reached Sent Items.
/// </summary>
public static class SendSaveEndpoints
{
    public const int MaxRecipients = 500;

    public static void MapSendSaves(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/send-saves").WithTags("Save on send");
        group.MapPut("/{key}", PutAsync).WithName("SetSendSave").ProducesProblems(404, 409, 413, 415)
            .WithSummary("Which clients' records the draft with this send key is saved to when sent (replaces the earlier choice; an empty list clears it).")
            .Audit("send-save.set", "send-save", routeKey: null);
        group.MapPost("/{key}/sent", SentAsync).WithName("ReportSend").ProducesProblems(404, 413, 415)
            .WithSummary("Outlook's send event: the email with this key is being sent. Without an earlier choice, the sender's default decides from the recipients.")
            .Audit("send-save.sent", "send-save", routeKey: null);
        group.MapPost("/resolve", (SendSaveResolver resolver, CancellationToken ct) => resolver.ResolveAsync(ct)).WithName("ResolveSendSaves")
            .WithSummary("Saves the caller's sent emails found in Sent Items to the chosen records; closes the ones pending for more than 7 days as expired.")
            .Audit("send-save.resolve", "send-save", routeKey: null);
        api.MapGet("/me/save-settings", GetSettingsAsync).WithTags("Me").WithName("SaveSettings")
            .WithSummary("The caller's save defaults: save on send to known clients, save later emails of saved conversations automatically.");
        api.MapPut("/me/save-settings", PutSettingsAsync).WithTags("Me").WithName("SetSaveSettings").ProducesProblems(404, 413, 415)
            .WithSummary("Sets the caller's save defaults (a setting left out keeps its value).");
    }

    static async Task<Ok<SendSaveDto>> PutAsync(string key, SendSaveRequest request, AppDbContext db, WriteUnit unit, CurrentUser user, TimeProvider clock, CancellationToken cancellationToken)
    {
        CheckKey(key);
        var ids = request.ClientIds ?? throw ApiProblem.Validation("clientIds", "Required (an empty list clears the choice).");
        if (ids.Count > SendSaveRules.MaxClients) throw ApiProblem.Validation("clientIds", $"At most {SendSaveRules.MaxClients} clients.");
        if (ids.Contains(Guid.Empty) || ids.Distinct().Count() != ids.Count) throw ApiProblem.Validation("clientIds", "Client ids, each once.");
        var known = await db.Clients.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        if (known.Count != ids.Count) throw ApiProblem.NotFound("client");

        var rows = await unit.RunAsync([LockKey.SendSave(user.UserId, key)], async ct =>
        {
            var rows = await RowsAsync(db, user, key, ct);
            if (rows.Any(r => r.State != SendSaveState.Pending || r.SentReportedAt is not null)) throw Closed();
            db.SendSaves.RemoveRange(rows.Where(r => !ids.Contains(r.ClientId)));
            var now = clock.GetUtcNow().UtcDateTime;
            var added = ids.Where(id => rows.All(r => r.ClientId != id)).Select(id => NewRow(user, key, id, now)).ToList();
            db.SendSaves.AddRange(added);
            return rows.Where(r => ids.Contains(r.ClientId)).Concat(added).ToList();
        }, cancellationToken);
        return TypedResults.Ok(ToDto(key, rows));
    }

    static async Task<Accepted<SendSaveDto>> SentAsync(
        string key, SendReportRequest? report, AppDbContext db, WriteUnit unit, CurrentUser user, TimeProvider clock,
        SendSaveFollowUps followUps, ISentItems sentItems, IUserSessions sessions, CancellationToken cancellationToken)
    {
        CheckKey(key);
        var recipients = report?.Recipients ?? [];
        if (recipients.Count > MaxRecipients) throw ApiProblem.Validation("recipients", $"At most {MaxRecipients} recipients.");
        var addresses = recipients.Select(r => EmailAddress.TryParse(r, out var a) ? a.Normalized : null).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

        var (rows, firstReport) = await unit.RunAsync([LockKey.SendSave(user.UserId, key)], async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var rows = await RowsAsync(db, user, key, ct);
            if (rows.Count > 0)
            {
                var unreported = rows.Where(r => r.SentReportedAt is null).ToList();
                foreach (var row in unreported) row.SentReportedAt = now;
                return (rows, unreported.Count > 0);
            }
            var byDefault = await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == user.WorkspaceId && m.UserId == user.UserId && m.SaveToKnownClientsWhenSent, ct);
            if (!byDefault) throw ApiProblem.NotFound("send save");
            var added = new List<SendSave>();
            foreach (var clientId in await KnownClientsAsync(db, addresses, ct))
            {
                var row = NewRow(user, key, clientId, now);
                row.SentReportedAt = now;
                added.Add(row);
            }
            db.SendSaves.AddRange(added);
            return (added, true);
        }, cancellationToken);
        // A send reported again (the event retried) is already followed: no second session or follower.
        if (firstReport) await FollowAsync(key, rows, user, followUps, sentItems, sessions, cancellationToken);
        return TypedResults.Accepted((string?)null, ToDto(key, rows));
    }

    /// <summary>
    /// Starts the background resolve of this send while the sender's token is at hand (a long-running
    /// session in Entra mode). Without a session, or when the worker is full, the pane's resolve saves it.
    /// </summary>
    static async Task FollowAsync(string key, List<SendSave> rows, CurrentUser user, SendSaveFollowUps followUps, ISentItems sentItems,
        IUserSessions sessions, CancellationToken cancellationToken)
    {
        if (!followUps.Enabled || !sentItems.Connected || !rows.Any(r => r.State == SendSaveState.Pending)) return;
        if (await sessions.StartAsync(cancellationToken) is not { } session) return;
        followUps.TryFollow(new SendSaveFollowUp(user.TenantId, user.WorkspaceId, user.UserId, user.Name, user.Email, key, session));
    }

    /// <summary>The clients the default saves to: one per address that belongs to exactly one client (a shared family address needs the pane's choice).</summary>
    static async Task<List<Guid>> KnownClientsAsync(AppDbContext db, IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        var clients = new List<Guid>();
        foreach (var address in addresses)
            if (await AddressOwners.FindAsync(db, address, cancellationToken) is [var only] && !clients.Contains(only)) clients.Add(only);
        return clients.Take(SendSaveRules.MaxClients).ToList();
    }

    static async Task<Ok<SaveSettingsDto>> GetSettingsAsync(AppDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var member = await db.WorkspaceMembers.AsNoTracking().FirstOrDefaultAsync(m => m.WorkspaceId == user.WorkspaceId && m.UserId == user.UserId, cancellationToken);
        return TypedResults.Ok(new SaveSettingsDto(member?.SaveToKnownClientsWhenSent ?? false, member?.SaveConversationsAutomatically ?? false));
    }

    static async Task<Ok<SaveSettingsDto>> PutSettingsAsync(SaveSettingsDto request, AppDbContext db, WriteUnit unit, CurrentUser user, CancellationToken cancellationToken)
    {
        if (request.SaveToKnownClientsWhenSent is null && request.SaveConversationsAutomatically is null)
            throw ApiProblem.Validation("saveToKnownClientsWhenSent", "At least one setting is required: true or false.");
        var member = await unit.RunAsync([LockKey.Members(user.WorkspaceId)], async ct =>
        {
            var member = await db.WorkspaceMembers.FirstOrDefaultAsync(m => m.WorkspaceId == user.WorkspaceId && m.UserId == user.UserId, ct)
                ?? throw ApiProblem.NotFound("member");
            member.SaveToKnownClientsWhenSent = request.SaveToKnownClientsWhenSent ?? member.SaveToKnownClientsWhenSent;
            member.SaveConversationsAutomatically = request.SaveConversationsAutomatically ?? member.SaveConversationsAutomatically;
            return member;
        }, cancellationToken);
        return TypedResults.Ok(new SaveSettingsDto(member.SaveToKnownClientsWhenSent, member.SaveConversationsAutomatically));
    }

    static void CheckKey(string key)
    {
        if (!SendSaveRules.IsValidKey(key))
            throw ApiProblem.Validation("key", $"A random key of {SendSaveRules.MinKeyLength}–{SendSaveRules.MaxKeyLength} letters, digits, '-' or '_'.");
    }

    static Task<List<SendSave>> RowsAsync(AppDbContext db, CurrentUser user, string key, CancellationToken cancellationToken) =>
        db.SendSaves.Where(r => r.UserId == user.UserId && r.SendKey == key).ToListAsync(cancellationToken);

    static SendSave NewRow(CurrentUser user, string key, Guid clientId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        WorkspaceId = user.WorkspaceId,
        UserId = user.UserId,
        SendKey = key,
        ClientId = clientId,
        CreatedAt = now,
        State = SendSaveState.Pending,
    };

    static ApiProblem Closed() =>
        new(409, ProblemCodes.SendSaveClosed, "This email was already sent: where it is saved can no longer change.");

    internal static string StateName(SendSaveState state) => state.ToString().ToLowerInvariant();

    static SendSaveDto ToDto(string key, IEnumerable<SendSave> rows) =>
        new(key, rows.OrderBy(r => r.ClientId).Select(r => new SendSaveClientDto(r.ClientId, StateName(r.State), r.SavedEmailId, r.Reason)).ToList());
}
