using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Attachments;

/// <summary>Reads of the attachments listed under saved emails, for the history, a save's answer and the export.</summary>
public static class EmailAttachments
{
    public static async Task<Dictionary<Guid, List<HistoryAttachment>>> ListAsync(AppDbContext db, IReadOnlyCollection<Guid> savedEmailIds, CancellationToken cancellationToken)
    {
        if (savedEmailIds.Count == 0) return [];
        var rows = await db.EmailAttachments.AsNoTracking()
            .Where(a => savedEmailIds.Contains(a.SavedEmailId))
            .OrderBy(a => a.SavedEmailId).ThenBy(a => a.Position)
            .Select(a => new { a.SavedEmailId, Item = new HistoryAttachment(a.Id, a.Name, a.Size, a.SkipReason) })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.SavedEmailId).ToDictionary(g => g.Key, g => g.Select(r => r.Item).ToList());
    }

    public static HistoryAttachment ToDto(EmailAttachment a) => new(a.Id, a.Name, a.Size, a.SkipReason);

    /// <summary>Every attachment of a client's saved emails, with the stored bytes (right of access).</summary>
    public static async Task<List<ExportedAttachment>> ExportAsync(AppDbContext db, IAttachmentStore store, Guid clientId, CancellationToken cancellationToken)
    {
        var rows = await db.EmailAttachments.AsNoTracking()
            .Where(a => a.ClientId == clientId)
            .OrderBy(a => a.SavedEmailId).ThenBy(a => a.Position)
            .GroupJoin(db.StoredAttachments.AsNoTracking(), a => a.StoredAttachmentId, s => s.Id, (a, s) => new { a, s })
            .SelectMany(x => x.s.DefaultIfEmpty(), (x, s) => new { x.a, Sha256 = s == null ? null : s.Sha256, Key = s == null ? null : s.StorageKey })
            .ToListAsync(cancellationToken);
        var exported = new List<ExportedAttachment>(rows.Count);
        foreach (var row in rows)
        {
            string? content = null;
            if (row.Key is not null && await store.OpenAsync(row.Key, cancellationToken) is { } stream)
            {
                await using (stream)
                {
                    using var copy = new MemoryStream();
                    await stream.CopyToAsync(copy, cancellationToken);
                    content = Convert.ToBase64String(copy.GetBuffer(), 0, (int)copy.Length);
                }
            }
            exported.Add(new ExportedAttachment(row.a.Id, row.a.SavedEmailId, row.a.Name, row.a.Size, row.a.SkipReason, row.Sha256, content));
        }
        return exported;
    }
}
