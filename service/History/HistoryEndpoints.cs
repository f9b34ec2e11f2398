using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Attachments;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Mailbox;
using OutlookCrm.Service.NeverTrack;
using OutlookCrm.Service.Problems;
using OutlookCrm.Service.Workspaces;

namespace OutlookCrm.Service.History;

public static class HistoryEndpoints
{
    // Items that share one timestamp exactly are rare; this slack keeps them in one page anyway.
    const int SameInstantSlack = 50;

    public static void MapHistory(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients/{id:guid}").WithTags("History");
        clients.MapGet("/history", GetAsync).WithName("ClientHistory").ProducesProblems(404)
            .WithSummary("Every communication with a client, newest first: mailbox emails (Graph), saved emails and record events.")
            .Audit("history.read", "client")
            .ReadsMailboxOf(mustVerify: false);
        clients.MapPost("/saved-emails", SavedEmails.SaveAsync).WithName("SaveEmail").ProducesProblems(404, 413, 415, 422).WithSummary("Saves an email to the client's record (once per message).")
            .Audit("email.save", "client")
            .ReadsMailboxOf(mustVerify: true);
        clients.MapGet("/saved-emails", SavedEmails.FindAsync).WithName("FindSavedEmail").ProducesProblems(404)
            .WithSummary("Whether one message (?internetMessageId=) is saved to the client's record: its saved copy, or none.")
            .Audit("email.find", "client");
        clients.MapDelete("/saved-emails/{savedEmailId:guid}", SavedEmails.RemoveAsync).WithName("UnsaveEmail").ProducesProblems(404).WithSummary("Removes a saved email from the record.")
            .Audit("email.unsave", "client");
    }

    static async Task<HistoryPage> GetAsync(
        Guid id, string? cursor, string? limit, AppDbContext db, CurrentUser user, IMailboxHistory mailbox, SealedCursor cursors, CancellationToken cancellationToken)
    {
        var pageSize = PageSize.History.Parse(limit);
        var client = await db.Clients.AsNoTracking().Include(c => c.FieldValues).ThenInclude(v => v.Field).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw ApiProblem.NotFound("client");
        var after = cursor is null ? null : cursors.OpenHistory(user.WorkspaceId, id, cursor);
        var take = pageSize + 1 + SameInstantSlack;

        var savedQuery = db.SavedEmails.AsNoTracking().Where(s => s.ClientId == id);
        var eventQuery = db.ClientEvents.AsNoTracking().Where(e => e.ClientId == id);
        if (after is not null)
        {
            savedQuery = savedQuery.Where(s => s.SentAt <= after.Time);
            eventQuery = eventQuery.Where(e => e.OccurredAt <= after.Time);
        }
        var saved = await savedQuery.OrderByDescending(s => s.SentAt).Take(take).ToListAsync(cancellationToken);
        var events = await eventQuery.OrderByDescending(e => e.OccurredAt).Take(take).ToListAsync(cancellationToken);

        var addresses = await TrackedAsync(db, ClientRecords.ToRecord(client).Emails.Select(e => e.Address).ToList(), cancellationToken);
        var fromMailbox = addresses.Count == 0
            ? MailboxResult.Of(MailboxState.Ok)
            : await mailbox.FindAsync(addresses, after, pageSize + 1, cancellationToken);
        var mailboxMessages = await WithoutNeverTrackedSendersAsync(db, fromMailbox.Messages, cancellationToken);

        var items = HistoryMerge.Merge(saved, events, mailboxMessages)
            .Where(item => after is null || item.Position.IsAfter(after))
            .ToList();
        var page = items.Take(pageSize).ToList();
        var next = items.Count > pageSize ? cursors.Seal(user.WorkspaceId, id, page[^1].Position) : null;

        var challenge = fromMailbox.Challenge is { } c ? new MailboxChallengeDto(c.Scopes, c.Claims) : null;
        var actorNames = await WorkspaceMembers.NamesAsync(db, user.WorkspaceId, page.Select(i => ActorOf(i.Item)).OfType<Guid>(), cancellationToken);
        var attachments = await EmailAttachments.ListAsync(db, page.Select(i => i.Item.SavedEmailId).OfType<Guid>().ToList(), cancellationToken);
        var named = page
            .Select(i => ActorOf(i.Item) is { } actor && actorNames.TryGetValue(actor, out var name) ? i.Item with { ActorName = name } : i.Item)
            .Select(i => i.SavedEmailId is { } savedId ? i with { Attachments = attachments.GetValueOrDefault(savedId) ?? [] } : i);
        return new HistoryPage(named.ToList(), next, new HistorySources(StateName(fromMailbox.State)), challenge);
    }

    /// <summary>The client's addresses the mailbox may be searched for: none the practice never tracks.</summary>
    static async Task<List<string>> TrackedAsync(AppDbContext db, List<string> addresses, CancellationToken cancellationToken)
    {
        var normalized = addresses.Distinct(StringComparer.Ordinal).ToDictionary(a => a, EmailAddress.Normalize, StringComparer.Ordinal);
        var covered = await NeverTrackRules.CoveredAsync(db, normalized.Values.ToList(), cancellationToken);
        return addresses.Where(a => !covered.Contains(normalized[a])).ToList();
    }

    /// <summary>Mail from a never-tracked sender stays out of the history even when it copies the client.</summary>
    static async Task<IReadOnlyList<MailboxMessage>> WithoutNeverTrackedSendersAsync(AppDbContext db, IReadOnlyList<MailboxMessage> messages, CancellationToken cancellationToken)
    {
        var senders = messages.Select(m => EmailAddress.TryParse(m.From?.Address, out var a) ? a.Normalized : null).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var covered = await NeverTrackRules.CoveredAsync(db, senders, cancellationToken);
        return covered.Count == 0 ? messages : messages
            .Where(m => !EmailAddress.TryParse(m.From?.Address, out var a) || !covered.Contains(a.Normalized))
            .ToList();
    }

    /// <summary>Who on the team saved the email or made the change; none for mailbox emails and the client's own steps.</summary>
    static Guid? ActorOf(HistoryItem item) => item.SavedBy ?? (item.Event?.ActorId is { } id && id != Guid.Empty ? id : null);

    internal static string StateName(MailboxState state) => state switch
    {
        MailboxState.Ok => "ok",
        MailboxState.Unavailable => "unavailable",
        MailboxState.ConsentRequired => "consent-required",
        _ => "not-connected",
    };
}

/// <summary>
/// Puts the three sources into one newest-first list, one entry per message (by Internet message id):
/// a saved email that is also in the mailbox appears once, as the saved one.
/// </summary>
public static class HistoryMerge
{
    public sealed record Positioned(HistoryPosition Position, HistoryItem Item);

    public static IEnumerable<Positioned> Merge(IEnumerable<SavedEmail> saved, IEnumerable<ClientEvent> events, IEnumerable<MailboxMessage> mailbox)
    {
        var mailboxByMessageId = mailbox
            .Where(m => m.InternetMessageId is not null)
            .GroupBy(m => m.InternetMessageId!.Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var savedIds = new HashSet<string>(StringComparer.Ordinal);

        var items = new List<Positioned>();
        foreach (var s in saved)
        {
            savedIds.Add(s.InternetMessageId);
            mailboxByMessageId.TryGetValue(s.InternetMessageId, out var inMailbox);
            items.Add(new(new HistoryPosition(s.SentAt, "s:" + s.Id.ToString("N")), new HistoryItem(
                "s:" + s.Id.ToString("N"), "saved-email", "team", s.SentAt, s.Subject,
                new EmailParticipant(s.FromName, s.FromAddress), ParticipantsOf(s.To), ParticipantsOf(s.Cc), s.Preview,
                s.InternetMessageId, inMailbox?.Id ?? s.ItemId, inMailbox?.WebLink, inMailbox is not null, s.SavedBy, s.Id, null)));
        }
        foreach (var m in mailbox)
        {
            // One entry per message: a copy in another folder (Sent Items and Inbox when the practitioner
            // is also a recipient) has its own Graph id but the same Internet message id.
            if (m.InternetMessageId is not null && !savedIds.Add(m.InternetMessageId.Trim())) continue;
            items.Add(new(new HistoryPosition(m.ReceivedAt, "m:" + m.Id), new HistoryItem(
                "m:" + m.Id, "mailbox-email", "mailbox", m.ReceivedAt, m.Subject, m.From, m.To, m.Cc, m.Preview,
                m.InternetMessageId, m.Id, m.WebLink, true, null, null, null)));
        }
        foreach (var e in events)
        {
            var detail = ClientEvents.Parse(e.Detail);
            items.Add(new(new HistoryPosition(e.OccurredAt, "e:" + e.Id.ToString("N")), new HistoryItem(
                "e:" + e.Id.ToString("N"), "event", "record", e.OccurredAt, null, null, [], [], null, null, null, null, false, null, null,
                new HistoryEvent(e.Kind, e.ActorId, detail?.Address, detail?.As, detail?.Label, detail?.Properties))));
        }
        items.Sort((a, b) => a.Position.CompareTo(b.Position));
        return items;
    }

    static IReadOnlyList<EmailParticipant> ParticipantsOf(string json) =>
        JsonSerializer.Deserialize<List<EmailParticipant>>(json, JsonSerializerOptions.Web) ?? [];
}
