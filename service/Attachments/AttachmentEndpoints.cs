using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Attachments;

public static class AttachmentEndpoints
{
    public static void MapAttachments(this RouteGroupBuilder api)
    {
        api.MapGet("/clients/{id:guid}/saved-emails/{savedEmailId:guid}/attachments/{attachmentId:guid}", DownloadAsync)
            .WithTags("History").WithName("DownloadAttachment").ProducesProblems(404)
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream")
            .WithSummary("Downloads a stored attachment of a saved email: always as a download (application/octet-stream), never shown inline.")
            .Audit("attachment.download", "client");
    }

    /// <summary>
    /// The declared content type is the sender's claim, so it is never served: the browser gets
    /// opaque bytes to save (nosniff, no inline rendering), under the cleaned name. The API's policy
    /// (default-src 'none', SecurityHeaders) would keep even a rendered file from running anything.
    /// </summary>
    static async Task<FileStreamHttpResult> DownloadAsync(Guid id, Guid savedEmailId, Guid attachmentId, AppDbContext db, IAttachmentStore store, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await db.EmailAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.SavedEmailId == savedEmailId && a.ClientId == id && a.StoredAttachmentId != null)
            .Join(db.StoredAttachments.AsNoTracking(), a => a.StoredAttachmentId, s => s.Id, (a, s) => new { a.Name, s.StorageKey })
            .FirstOrDefaultAsync(cancellationToken) ?? throw NotFound();
        var content = await store.OpenAsync(found.StorageKey, cancellationToken) ?? throw NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Stream(content, "application/octet-stream", found.Name);
    }

    /// <summary>Also for another tenant's ids, a skipped attachment, or one of another client or email: nothing tells them apart.</summary>
    static ApiProblem NotFound() => new(404, ProblemCodes.AttachmentNotFound, "The attachment was not found.");
}
