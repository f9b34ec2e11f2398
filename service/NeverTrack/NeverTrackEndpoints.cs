using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Attachments;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.NeverTrack;

public sealed record NeverTrackRequest(string? Value);
/// <param name="SavedEmails">How many emails already saved to records came from what the entry covers (adding an entry never removes them).</param>
public sealed record NeverTrackEntryDto(Guid Id, string Value, string Kind, DateTime CreatedAt, int SavedEmails);
public sealed record NeverTrackList(IReadOnlyList<NeverTrackEntryDto> Items);
public sealed record RemovedSavedEmails(int Removed);

/// <summary>The practice's never-track list: kept by admins, every change audited.</summary>
public static class NeverTrackEndpoints
{
    public static void MapNeverTrack(this RouteGroupBuilder api)
    {
        var list = api.MapGroup("/never-track").WithTags("Never track").AddEndpointFilter<RequireAdmin>();
        list.MapGet("/", ListAsync).WithName("ListNeverTrack")
            .WithSummary("The addresses and domains the practice never tracks, with how many saved emails each covers (admins only).")
            .Audit("never-track.read", "never-track", routeKey: null);
        list.MapPost("/", AddAsync).WithName("AddNeverTrack").ProducesProblems(409, 413, 415, 422)
            .WithSummary("Adds an address or a domain (and its subdomains) to the never-track list (admins only).")
            .Audit("never-track.add", "never-track", routeKey: null);
        list.MapDelete("/{entryId:guid}", RemoveAsync).WithName("RemoveNeverTrack").ProducesProblems(404)
            .WithSummary("Takes an entry off the list (admins only).")
            .Audit("never-track.remove", "never-track", routeKey: "entryId");
        list.MapDelete("/{entryId:guid}/saved-emails", RemoveSavedEmailsAsync).WithName("RemoveNeverTrackSavedEmails").ProducesProblems(404)
            .WithSummary("Removes from every record the saved emails that came from what the entry covers (admins only).")
            .Audit("never-track.remove-saved-emails", "never-track", routeKey: "entryId");
    }

    static async Task<NeverTrackList> ListAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var entries = await db.NeverTrackEntries.AsNoTracking().OrderBy(e => e.Value).ToListAsync(cancellationToken);
        var items = new List<NeverTrackEntryDto>(entries.Count);
        foreach (var entry in entries)
            items.Add(ToDto(entry, await CoveredSavedEmails(db, entry).CountAsync(cancellationToken)));
        return new NeverTrackList(items);
    }

    static async Task<Created<NeverTrackEntryDto>> AddAsync(NeverTrackRequest request, AppDbContext db, WriteUnit unit, CurrentUser user, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!NeverTrackRules.TryParse(request.Value, out var value, out var isDomain))
            throw ApiProblem.Validation("value", "An email address (name@example.com) or a domain (example.com).");

        var entry = await unit.RunAsync([LockKey.NeverTrackList], async ct =>
        {
            if (await db.NeverTrackEntries.FirstOrDefaultAsync(e => e.Value == value, ct) is { } existing)
                throw new ApiProblem(409, ProblemCodes.AlreadyListed, "This address or domain is already on the never-track list.").With("existingEntryId", existing.Id);
            if (await db.NeverTrackEntries.CountAsync(ct) >= NeverTrackRules.MaxEntries)
                throw new ApiProblem(422, ProblemCodes.NeverTrackFull, $"The never-track list holds at most {NeverTrackRules.MaxEntries} entries.",
                    "Remove an entry, or list a whole domain instead of its addresses.");
            var created = new NeverTrackEntry
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = user.WorkspaceId,
                Value = value,
                IsDomain = isDomain,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                CreatedBy = user.UserId,
            };
            db.NeverTrackEntries.Add(created);
            audit.Target(created.Id);
            return created;
        }, cancellationToken);
        var dto = ToDto(entry, await CoveredSavedEmails(db, entry).CountAsync(cancellationToken));
        return TypedResults.Created($"/api/never-track/{entry.Id}", dto);
    }

    static async Task<NoContent> RemoveAsync(Guid entryId, AppDbContext db, WriteUnit unit, CancellationToken cancellationToken)
    {
        await unit.RunAsync([LockKey.NeverTrackList], async ct =>
        {
            var entry = await db.NeverTrackEntries.FirstOrDefaultAsync(e => e.Id == entryId, ct) ?? throw ApiProblem.NotFound("never-track entry");
            db.NeverTrackEntries.Remove(entry);
        }, cancellationToken);
        return TypedResults.NoContent();
    }

    static async Task<RemovedSavedEmails> RemoveSavedEmailsAsync(Guid entryId, AppDbContext db, WriteUnit unit, AttachmentCleanup attachments, CancellationToken cancellationToken)
    {
        var removed = await unit.RunAsync([LockKey.NeverTrackList], async ct =>
        {
            var entry = await db.NeverTrackEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct) ?? throw ApiProblem.NotFound("never-track entry");
            return await CoveredSavedEmails(db, entry).ExecuteDeleteAsync(ct);
        }, cancellationToken);
        await attachments.RemoveUnlistedAsync(cancellationToken);
        return new(removed);
    }

    /// <summary>
    /// Saved emails whose sender the entry covers. Stored senders keep the case they were written in,
    /// so this matches with LIKE (case-insensitive for ASCII on both providers), wildcards escaped.
    /// </summary>
    static IQueryable<SavedEmail> CoveredSavedEmails(AppDbContext db, NeverTrackEntry entry)
    {
        var value = Escape(entry.Value);
        return entry.IsDomain
            ? db.SavedEmails.Where(s => EF.Functions.Like(s.FromAddress, "%@" + value, "\\") || EF.Functions.Like(s.FromAddress, "%@%." + value, "\\"))
            : db.SavedEmails.Where(s => EF.Functions.Like(s.FromAddress, value, "\\"));
    }

    static string Escape(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").Replace("[", "\\[");

    static NeverTrackEntryDto ToDto(NeverTrackEntry e, int savedEmails) =>
        new(e.Id, e.Value, e.IsDomain ? "domain" : "address", e.CreatedAt, savedEmails);
}
