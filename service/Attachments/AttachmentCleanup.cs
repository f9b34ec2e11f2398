using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Attachments;

/// <summary>
/// After saved emails go (unsaved, or with an erased client), contents no email of the workspace
/// lists any more are removed: their rows in one unit, then the stored bytes. A failure part way
/// leaves only unlisted contents behind, which the next cleanup of the workspace removes.
/// </summary>
public sealed class AttachmentCleanup(AppDbContext db, WriteUnit unit, IAttachmentStore store, ILogger<AttachmentCleanup> logger)
{
    public async Task RemoveUnlistedAsync(CancellationToken cancellationToken)
    {
        var keys = await unit.RunAsync([LockKey.Attachments], async ct =>
        {
            var unlisted = await db.StoredAttachments
                .Where(s => !db.EmailAttachments.Any(a => a.StoredAttachmentId == s.Id))
                .ToListAsync(ct);
            db.StoredAttachments.RemoveRange(unlisted);
            return unlisted.Select(s => s.StorageKey).ToList();
        }, cancellationToken, carriesAudit: false);
        foreach (var key in keys)
        {
            try
            {
                await store.DeleteAsync(key, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("An unlisted attachment could not be removed from the store: {Error}", e.GetType().Name);
            }
        }
    }
}
