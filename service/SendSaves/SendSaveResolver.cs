using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Attachments;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Mailbox;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.SendSaves;

/// <summary>
/// Turns the caller's pending saves into saved emails: reads Sent Items once for all their send keys,
/// saves each found message to each chosen client through <see cref="SavedEmails.SaveOnceAsync"/>
/// (exactly once per client and message, however many resolves race), and closes saves older than
/// <see cref="SendSaveRules.Lifetime"/> as expired. A mailbox that cannot be read loses nothing: the
/// saves stay pending for the next resolve.
/// </summary>
public sealed class SendSaveResolver(
    AppDbContext db, WriteUnit unit, CurrentUser user, ISentItems sentItems, EmailAttachmentIntake attachments,
    TimeProvider clock, ILogger<SendSaveResolver> logger)
{
    /// <summary>How long one resolve may spend reading Sent Items, retries included.</summary>
    static readonly TimeSpan SentItemsBudget = TimeSpan.FromSeconds(10);

    public async Task<Ok<ResolveResult>> ResolveAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await ExpireAsync(now, cancellationToken);
        var pending = await db.SendSaves.AsNoTracking()
            .Where(r => r.UserId == user.UserId && r.State == SendSaveState.Pending)
            .OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var saved = new List<ResolvedSave>();
        var skipped = new List<ResolvedSave>();
        if (pending.Count == 0) return TypedResults.Ok(new ResolveResult(saved, skipped, expired, 0, StateName(sentItems.Connected ? MailboxState.Ok : MailboxState.NotConnected)));
        if (!sentItems.Connected) return TypedResults.Ok(new ResolveResult(saved, skipped, expired, pending.Count, StateName(MailboxState.NotConnected)));

        IReadOnlyDictionary<string, SentMessage> found;
        try
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(SentItemsBudget);
            var since = new DateTimeOffset(pending[0].CreatedAt - SendSaveRules.ClockSlack, TimeSpan.Zero);
            found = await sentItems.FindAsync(pending.Select(r => r.SendKey).ToHashSet(StringComparer.Ordinal), since, budget.Token);
        }
        catch (Exception e) when (e is SentItemsUnavailable || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Sent Items unavailable; {Count} saves on send stay pending", pending.Count);
            return TypedResults.Ok(new ResolveResult(saved, skipped, expired, pending.Count, StateName(MailboxState.Unavailable)));
        }

        var stillPending = 0;
        foreach (var row in pending)
        {
            if (!found.TryGetValue(row.SendKey, out var message)) { stillPending++; continue; }
            try
            {
                var (email, _, _) = await SavedEmails.SaveOnceAsync(row.ClientId, ToEmail(message), db, unit, user, attachments, clock, cancellationToken);
                await CloseAsync(row.Id, SendSaveState.Saved, email.Id, null, cancellationToken);
                saved.Add(new ResolvedSave(row.SendKey, row.ClientId, email.Id, email.Subject, null, row.CreatedAt));
            }
            catch (ApiProblem problem) when (problem.Status is 400 or 404 or 422)
            {
                // Not this email's to save (a never-tracked sender, a message Graph described oddly, a client erased meanwhile).
                await CloseAsync(row.Id, SendSaveState.Skipped, null, problem.Code, cancellationToken);
                skipped.Add(new ResolvedSave(row.SendKey, row.ClientId, null, message.Subject, problem.Code, row.CreatedAt));
            }
            catch (ApiProblem problem) when (problem.Status == 503)
            {
                stillPending++; // the attachments could not be read now: the next resolve tries again
            }
        }
        return TypedResults.Ok(new ResolveResult(saved, skipped, expired, stillPending, StateName(MailboxState.Ok)));
    }

    /// <summary>The mailbox's state by the names the history answers with.</summary>
    static string StateName(MailboxState state) => HistoryEndpoints.StateName(state);

    async Task<List<ResolvedSave>> ExpireAsync(DateTime now, CancellationToken cancellationToken)
    {
        var cutoff = now - SendSaveRules.Lifetime;
        // Most resolves find nothing to expire: no write for them.
        if (!await db.SendSaves.AnyAsync(r => r.UserId == user.UserId && r.State == SendSaveState.Pending && r.CreatedAt < cutoff, cancellationToken)) return [];
        return await unit.RunAsync([LockKey.SendSaveExpiry(user.UserId)], async ct =>
        {
            var old = await db.SendSaves.Where(r => r.UserId == user.UserId && r.State == SendSaveState.Pending && r.CreatedAt < cutoff).ToListAsync(ct);
            foreach (var row in old)
            {
                row.State = SendSaveState.Expired;
                row.ClosedAt = now;
            }
            return old.Select(r => new ResolvedSave(r.SendKey, r.ClientId, null, null, null, r.CreatedAt)).ToList();
        }, cancellationToken);
    }

    /// <summary>Closes one save; a save closed by a racing resolve meanwhile keeps what that one wrote.</summary>
    async Task CloseAsync(Guid rowId, SendSaveState state, Guid? savedEmailId, string? reason, CancellationToken cancellationToken) =>
        await unit.RunAsync([LockKey.SendSaveExpiry(user.UserId)], async ct =>
        {
            var row = await db.SendSaves.FirstOrDefaultAsync(r => r.Id == rowId, ct);
            if (row is null || row.State != SendSaveState.Pending) return;
            row.State = state;
            row.SavedEmailId = savedEmailId;
            row.Reason = reason;
            row.ClosedAt = clock.GetUtcNow().UtcDateTime;
        }, cancellationToken);

    /// <summary>The sent message as the ordinary save validates it: the preview cut to what a saved email keeps.</summary>
    static SavedEmail ToEmail(SentMessage m)
    {
        var preview = m.Preview is { Length: > SavedEmails.MaxPreviewLength } p ? p[..SavedEmails.MaxPreviewLength] : m.Preview;
        var subject = m.Subject is { Length: > SavedEmails.MaxSubjectLength } s ? s[..SavedEmails.MaxSubjectLength] : m.Subject;
        return SavedEmails.Validate(new SaveEmailRequest(
            m.InternetMessageId, m.Id, subject, m.From, m.To.Take(SavedEmails.MaxRecipients).ToList<EmailParticipant?>(),
            m.Cc.Take(SavedEmails.MaxRecipients).ToList<EmailParticipant?>(), m.SentAt, preview,
            SavedEmails.ConversationIdError(m.ConversationId) is null ? m.ConversationId : null));
    }
}
