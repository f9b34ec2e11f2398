using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Attachments;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.NeverTrack;
using OutlookCrm.Service.Problems;
using OutlookCrm.Service.Suggestions;

namespace OutlookCrm.Service.History;

/// <summary>"Save to record": an email kept on a client's record for the whole team, once per message.</summary>
public static class SavedEmails
{
    public const int MaxPreviewLength = 300;
    public const int MaxSubjectLength = 500;
    public const int MaxRecipients = 100;
    public const int MaxConversationIdLength = 256;

    /// <summary>
    /// Saves the email with its attachments, read from the caller's mailbox before anything is written
    /// (<see cref="EmailAttachmentIntake"/>); saving it again answers the first save.
    /// </summary>
    public static async Task<Results<Ok<SavedEmailDto>, Created<SavedEmailDto>>> SaveAsync(
        Guid id, SaveEmailRequest request, AppDbContext db, WriteUnit unit, CurrentUser user, EmailAttachmentIntake attachments, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (saved, isNew, listed) = await SaveOnceAsync(id, Validate(request), db, unit, user, attachments, clock, cancellationToken);
        return isNew
            ? TypedResults.Created($"/api/clients/{id}/saved-emails/{saved.Id}", ToDto(saved, listed))
            : TypedResults.Ok(ToDto(saved, listed));
    }

    /// <summary>
    /// The one save path (the pane's "Save to record" and save on send): once per client and message,
    /// whoever races; an email already saved answers its first save, with isNew false.
    /// </summary>
    public static async Task<(SavedEmail Saved, bool IsNew, List<HistoryAttachment>? Attachments)> SaveOnceAsync(
        Guid id, SavedEmail email, AppDbContext db, WriteUnit unit, CurrentUser user, EmailAttachmentIntake attachments, TimeProvider clock, CancellationToken cancellationToken)
    {
        await CheckSaveableAsync(db, id, email, cancellationToken);
        if (await ExistingAsync(db, id, email.InternetMessageId, cancellationToken) is { } already)
            return (already, false, await AttachmentsOfAsync(db, already.Id, cancellationToken));

        await using var prepared = await attachments.PrepareAsync(email.InternetMessageId, cancellationToken);
        var (saved, isNew, listed) = await unit.RunAsync([LockKey.SavedEmail(id, email.InternetMessageId), LockKey.Client(id), LockKey.Attachments], async ct =>
        {
            await CheckSaveableAsync(db, id, email, ct);
            if (await ExistingAsync(db, id, email.InternetMessageId, ct) is { } existing) return (existing, false, (List<HistoryAttachment>?)null);

            email.Id = Guid.CreateVersion7();
            email.WorkspaceId = user.WorkspaceId;
            email.ClientId = id;
            email.SavedAt = clock.GetUtcNow().UtcDateTime;
            email.SavedBy = user.UserId;
            db.SavedEmails.Add(email);
            var rows = await attachments.AddTo(email, prepared, email.SavedAt, ct);
            await SeenNames.RememberAsync(db, id, email, ct);
            return (email, true, rows.Select(EmailAttachments.ToDto).ToList());
        }, cancellationToken);
        if (!isNew) return (saved, false, await AttachmentsOfAsync(db, saved.Id, cancellationToken));
        await attachments.ConfirmStoredAsync(prepared, cancellationToken);
        return (saved, true, listed);
    }

    static async Task CheckSaveableAsync(AppDbContext db, Guid clientId, SavedEmail email, CancellationToken cancellationToken)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken)) throw ApiProblem.NotFound("client");
        if (await NeverTrackRules.CoversAsync(db, email.FromAddress, cancellationToken))
            throw new ApiProblem(422, ProblemCodes.NotTracked, "The practice never keeps email from this sender.", "An administrator keeps the never-track list.");
    }

    static Task<SavedEmail?> ExistingAsync(AppDbContext db, Guid clientId, string internetMessageId, CancellationToken cancellationToken) =>
        db.SavedEmails.FirstOrDefaultAsync(s => s.ClientId == clientId && s.InternetMessageId == internetMessageId, cancellationToken);

    static async Task<List<HistoryAttachment>?> AttachmentsOfAsync(AppDbContext db, Guid savedEmailId, CancellationToken cancellationToken) =>
        (await EmailAttachments.ListAsync(db, [savedEmailId], cancellationToken)).GetValueOrDefault(savedEmailId) ?? [];

    /// <summary>The copy of one message on the client's record, if saved: the pane asks for the email open in Outlook.</summary>
    public static async Task<Ok<SavedEmailList>> FindAsync(Guid id, string? internetMessageId, AppDbContext db, CancellationToken cancellationToken)
    {
        var messageId = internetMessageId?.Trim();
        if (MessageIdError(messageId) is { } error) throw ApiProblem.Validation("internetMessageId", error);
        if (!await db.Clients.AnyAsync(c => c.Id == id, cancellationToken)) throw ApiProblem.NotFound("client");
        var saved = await db.SavedEmails.AsNoTracking()
            .Where(s => s.ClientId == id && s.InternetMessageId == messageId)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new SavedEmailList(saved.Select(ToDto).ToList()));
    }

    public static async Task<NoContent> RemoveAsync(Guid id, Guid savedEmailId, AppDbContext db, WriteUnit unit, AttachmentCleanup attachments, CancellationToken cancellationToken)
    {
        await unit.RunAsync([LockKey.Client(id)], async ct =>
        {
            var saved = await db.SavedEmails.FirstOrDefaultAsync(s => s.ClientId == id && s.Id == savedEmailId, ct)
                ?? throw ApiProblem.NotFound("saved email");
            db.SavedEmails.Remove(saved);
        }, cancellationToken);
        await attachments.RemoveUnlistedAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static string? MessageIdError(string? messageId) =>
        string.IsNullOrEmpty(messageId) || messageId.Length > 512 || messageId.Any(char.IsControl) ? "Required, at most 512 characters." : null;

    /// <summary>Outlook's conversation ids are opaque (base64-like): any printable text up to the limit.</summary>
    internal static string? ConversationIdError(string? conversationId) =>
        string.IsNullOrEmpty(conversationId) || conversationId.Length > MaxConversationIdLength || conversationId.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? $"Required, at most {MaxConversationIdLength} characters, no spaces or control characters." : null;

    static SavedEmailDto ToDto(SavedEmail s) => ToDto(s, null);

    static SavedEmailDto ToDto(SavedEmail s, IReadOnlyList<HistoryAttachment>? attachments) =>
        new(s.Id, s.ClientId, s.InternetMessageId, s.Subject, s.SentAt, s.SavedAt, s.SavedBy, attachments);

    internal static SavedEmail Validate(SaveEmailRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var messageId = request.InternetMessageId?.Trim();
        if (MessageIdError(messageId) is { } messageIdError) errors["internetMessageId"] = [messageIdError];
        if (request.ItemId is { Length: > 512 }) errors["itemId"] = ["At most 512 characters."];
        var conversationId = request.ConversationId?.Trim();
        if (!string.IsNullOrEmpty(conversationId) && ConversationIdError(conversationId) is { } conversationError) errors["conversationId"] = [conversationError];
        if (request.Subject is { Length: > MaxSubjectLength }) errors["subject"] = [$"At most {MaxSubjectLength} characters."];
        if (request.Preview is { Length: > MaxPreviewLength }) errors["preview"] = [$"At most {MaxPreviewLength} characters: a preview, not the body."];
        if (request.SentAt is null) errors["sentAt"] = ["Required."];
        var from = Participant(request.From, "from", errors);
        if (from is null && !errors.ContainsKey("from")) errors["from"] = ["Required."];
        var to = Participants(request.To, "to", errors);
        var cc = Participants(request.Cc, "cc", errors);
        if (errors.Count > 0) throw ApiProblem.Validation(errors);

        return new SavedEmail
        {
            InternetMessageId = messageId!,
            ItemId = request.ItemId,
            ConversationId = string.IsNullOrEmpty(conversationId) ? null : conversationId,
            Subject = Clean(request.Subject) ?? "",
            FromAddress = from!.Address,
            FromName = from.Name,
            To = JsonSerializer.Serialize(to, JsonSerializerOptions.Web),
            Cc = JsonSerializer.Serialize(cc, JsonSerializerOptions.Web),
            SentAt = request.SentAt!.Value.UtcDateTime,
            Preview = Clean(request.Preview) ?? "",
        };
    }

    static EmailParticipant? Participant(EmailParticipant? participant, string property, Dictionary<string, string[]> errors)
    {
        if (participant is null) return null;
        if (!EmailAddress.TryParse(participant.Address, out var address)) { errors[property] = ["Not a valid email address."]; return null; }
        if (participant.Name is { Length: > 200 }) { errors[property] = ["Names are at most 200 characters."]; return null; }
        return new EmailParticipant(Clean(participant.Name), address.Original);
    }

    /// <summary>
    /// Recipients whose address cannot be parsed (an Exchange X.500 address, a distribution list) are
    /// left out rather than failing the save: the email still belongs on the record.
    /// </summary>
    static List<EmailParticipant> Participants(List<EmailParticipant?>? list, string property, Dictionary<string, string[]> errors)
    {
        if (list is null) return [];
        if (list.Count > MaxRecipients) { errors[property] = [$"At most {MaxRecipients} recipients."]; return []; }
        return list
            .Where(item => item is not null && EmailAddress.TryParse(item.Address, out _) && item.Name is not { Length: > 200 })
            .Select(item => new EmailParticipant(Clean(item!.Name), item.Address.Trim()))
            .ToList();
    }

    /// <summary>Plain text on one line: runs of white space folded, control characters dropped.</summary>
    static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return new string(string.Join(' ', words).Where(c => !char.IsControl(c)).ToArray());
    }
}
