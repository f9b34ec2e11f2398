using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Clients;

public sealed record ClientExport(DateTime ExportedAt, ClientRecord Client, IReadOnlyList<HistoryItem> SavedEmails, IReadOnlyList<HistoryItem> Events);

/// <summary>Right of access: everything the practice holds about one client, in one JSON document.</summary>
public static class ExportClient
{
    public static async Task<IResult> HandleAsync(Guid id, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var record = await ClientRecords.ReadAsync(db, id, cancellationToken);
        var saved = await db.SavedEmails.AsNoTracking().Where(s => s.ClientId == id).OrderBy(s => s.SentAt).ToListAsync(cancellationToken);
        var events = await db.ClientEvents.AsNoTracking().Where(e => e.ClientId == id).OrderBy(e => e.OccurredAt).ToListAsync(cancellationToken);
        var items = HistoryMerge.Merge(saved, events, []).Select(p => p.Item).ToList();
        var export = new ClientExport(clock.GetUtcNow().UtcDateTime, record,
            items.Where(i => i.Kind == "saved-email").Reverse().ToList(),
            items.Where(i => i.Kind == "event").Reverse().ToList());
        return new AttachmentResult(TypedResults.Json(export), $"client-{id}.json");
    }

    sealed class AttachmentResult(IResult inner, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            return inner.ExecuteAsync(http);
        }
    }
}
