using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Attachments;

/// <summary>
/// Saving an email saves its attachments, in three steps around the email's write unit: read each
/// file from the mailbox into a temporary file while hashing it, within the practice's limits, and
/// put new contents in the store (<see cref="PrepareAsync"/>); list them under the email in its unit
/// (<see cref="AddTo"/>); after the commit, make sure every content listed is in the store (a cleanup
/// running in between may have removed one it saw unreferenced: <see cref="ConfirmStoredAsync"/>).
/// The mailbox is read before anything is written, so a mailbox failure saves nothing.
/// </summary>
public sealed class EmailAttachmentIntake(IMailboxAttachments mailbox, IAttachmentStore store, AttachmentSettings settings, AppDbContext db, CurrentUser user)
{
    public async Task<PreparedAttachments> PrepareAsync(string internetMessageId, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.MailboxBudget);
        var prepared = new PreparedAttachments();
        try
        {
            var found = await mailbox.FindAsync(internetMessageId, budget.Token);
            long total = 0;
            foreach (var attachment in found?.Attachments.Where(a => !a.IsInline) ?? [])
            {
                var entry = await PrepareOneAsync(found!.MessageId, attachment, total, budget.Token);
                total += entry.SkipReason is null ? entry.Size : 0;
                prepared.Entries.Add(entry);
            }
            return prepared;
        }
        catch (Exception e)
        {
            await prepared.DisposeAsync();
            if (e is MailboxAttachmentsUnavailable || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                throw new ApiProblem(503, ProblemCodes.AttachmentsUnavailable, "The email's attachments could not be read from the mailbox right now.", "Nothing was saved; try again in a moment.");
            throw;
        }
    }

    async Task<PreparedAttachment> PrepareOneAsync(string messageId, MailboxAttachment attachment, long storedSoFar, CancellationToken cancellationToken)
    {
        var entry = new PreparedAttachment(AttachmentNames.Clean(attachment.Name), attachment.Size, DeclaredType(attachment.ContentType));
        if (!attachment.IsFile) return entry with { SkipReason = SkipReasons.NotAFile };
        if (attachment.Size > settings.MaxFileBytes) return entry with { SkipReason = SkipReasons.FileTooLarge };
        if (storedSoFar + attachment.Size > settings.MaxEmailBytes) return entry with { SkipReason = SkipReasons.EmailTooLarge };

        // The declared size may be wrong: the read itself stops at what is still allowed.
        var allowed = Math.Min(settings.MaxFileBytes, settings.MaxEmailBytes - storedSoFar);
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var content = await mailbox.OpenAsync(messageId, attachment.Id, cancellationToken))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (file.Length + read > allowed)
                    {
                        await file.DisposeAsync();
                        return entry with { SkipReason = allowed < settings.MaxFileBytes ? SkipReasons.EmailTooLarge : SkipReasons.FileTooLarge };
                    }
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            var key = AttachmentKeys.For(user.WorkspaceId, sha256);
            var size = file.Length;
            if (!await db.StoredAttachments.AnyAsync(s => s.Sha256 == sha256, cancellationToken))
            {
                file.Position = 0;
                await store.PutAsync(key, file, cancellationToken);
            }
            return entry with { Size = size, Sha256 = sha256, StorageKey = key, Content = file };
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Lists the attachments under the new email, in its write unit (which holds <see cref="LockKey.Attachments"/>).</summary>
    public async Task<List<EmailAttachment>> AddTo(SavedEmail email, PreparedAttachments prepared, DateTime now, CancellationToken cancellationToken)
    {
        var rows = new List<EmailAttachment>();
        foreach (var (entry, position) in prepared.Entries.Select((e, i) => (e, i)))
        {
            Guid? storedId = null;
            if (entry.Sha256 is { } sha256)
            {
                // The same file twice in one email: the first one's row is not in the database yet.
                var stored = db.StoredAttachments.Local.FirstOrDefault(s => s.Sha256 == sha256)
                    ?? await db.StoredAttachments.FirstOrDefaultAsync(s => s.Sha256 == sha256, cancellationToken);
                if (stored is null)
                {
                    stored = new StoredAttachment { Id = Guid.CreateVersion7(), WorkspaceId = user.WorkspaceId, Sha256 = sha256, Size = entry.Size, StorageKey = entry.StorageKey!, StoredAt = now };
                    db.StoredAttachments.Add(stored);
                }
                storedId = stored.Id;
            }
            var row = new EmailAttachment
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = user.WorkspaceId,
                ClientId = email.ClientId,
                SavedEmailId = email.Id,
                Name = entry.Name,
                Size = entry.Size,
                DeclaredContentType = entry.DeclaredContentType,
                StoredAttachmentId = storedId,
                SkipReason = entry.SkipReason,
                Position = position,
            };
            db.EmailAttachments.Add(row);
            rows.Add(row);
        }
        return rows;
    }

    public async Task ConfirmStoredAsync(PreparedAttachments prepared, CancellationToken cancellationToken)
    {
        foreach (var entry in prepared.Entries.Where(e => e.Content is not null))
        {
            if (await store.ExistsAsync(entry.StorageKey!, cancellationToken)) continue;
            entry.Content!.Position = 0;
            await store.PutAsync(entry.StorageKey!, entry.Content, cancellationToken);
        }
    }

    static string? DeclaredType(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) ? null : new string(contentType.Where(c => !char.IsControl(c)).Take(200).ToArray());
}

public sealed record PreparedAttachment(string Name, long Size, string? DeclaredContentType)
{
    public string? SkipReason { get; init; }
    public string? Sha256 { get; init; }
    public string? StorageKey { get; init; }
    /// <summary>The temporary copy (deleted when closed), kept until the store is confirmed to hold it.</summary>
    public FileStream? Content { get; init; }
}

public sealed class PreparedAttachments : IAsyncDisposable
{
    public List<PreparedAttachment> Entries { get; } = [];

    public bool StoresAny => Entries.Any(e => e.Sha256 is not null);

    public async ValueTask DisposeAsync()
    {
        foreach (var entry in Entries)
            if (entry.Content is not null) await entry.Content.DisposeAsync();
    }
}
