using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Attachments;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Intake;

namespace OutlookCrm.Service.Clients;

/// <param name="Attachments">The saved emails' attachments, with the stored ones' bytes (base64).</param>
public sealed record ClientExport(DateTime ExportedAt, ClientRecord Client, IReadOnlyList<HistoryItem> SavedEmails, IReadOnlyList<HistoryItem> Events, IReadOnlyList<IntakeDto> Intakes, IReadOnlyList<ExportedAttachment> Attachments);

/// <summary>Right of access: everything the practice holds about one client (record, saved emails with their attachments, events, intakes with answers), in one JSON document.</summary>
public static class ExportClient
{
    public static async Task<IResult> HandleAsync(Guid id, AppDbContext db, IAttachmentStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var record = await ClientRecords.ReadAsync(db, id, cancellationToken);
        var saved = await db.SavedEmails.AsNoTracking().Where(s => s.ClientId == id).OrderBy(s => s.SentAt).ToListAsync(cancellationToken);
        var events = await db.ClientEvents.AsNoTracking().Where(e => e.ClientId == id).OrderBy(e => e.OccurredAt).ToListAsync(cancellationToken);
        var intakes = await db.IntakeRequests.AsNoTracking().Where(r => r.ClientId == id).OrderBy(r => r.SentAt).ToListAsync(cancellationToken);
        var listed = await EmailAttachments.ListAsync(db, saved.Select(s => s.Id).ToList(), cancellationToken);
        var items = HistoryMerge.Merge(saved, events, []).Select(p => p.Item)
            .Select(i => i.SavedEmailId is { } savedId ? i with { Attachments = listed.GetValueOrDefault(savedId) ?? [] } : i)
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var export = new ClientExport(now, record,
            items.Where(i => i.Kind == "saved-email").Reverse().ToList(),
            items.Where(i => i.Kind == "event").Reverse().ToList(),
            intakes.Select(r => IntakeEndpoints.ToDto(r, now, withAnswers: true)).ToList(),
            await EmailAttachments.ExportAsync(db, store, id, cancellationToken));
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
