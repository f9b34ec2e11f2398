using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Audit;

public sealed record AuditArchiveRequest(long? ThroughSequence, string? Sha256);
public sealed record AuditArchiveResult(long ThroughSequence, int RecordCount, string Sha256, DateTime ArchivedAt);

/// <summary>
/// Retention (<see cref="AuditSettings.RetentionYears"/>): an admin downloads the workspace's records older
/// than the retention period as one file, then archives them by sending back the file's SHA-256, which
/// proves the file holds exactly the records about to be removed. Both calls are audited; the archive's
/// own record and every newer one stay. Nothing else removes audit records (the database refuses it).
/// </summary>
public static class AuditArchiving
{
    static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web);

    public static void MapAuditArchiving(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/archive", ExportAsync).WithTags("Audit").WithName("AuditArchiveExport").ProducesProblems(409)
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/json")
            .WithSummary("Downloads the audit records older than the retention period, as the file to archive (admins only).")
            .AddEndpointFilter<RequireAdmin>()
            .Audit("audit.export", "audit", routeKey: null);
        api.MapPost("/audit/archive", ArchiveAsync).WithTags("Audit").WithName("AuditArchive").ProducesProblems(409, 413, 415)
            .WithSummary("Removes the records of a downloaded archive file, named by its SHA-256 (admins only).")
            .AddEndpointFilter<RequireAdmin>()
            .Audit("audit.archive", "audit", routeKey: null);
    }

    /// <summary>
    /// Written to a temporary file first, so that the call's audit record is committed before any of the
    /// answer goes out (as for every audited call) and a large trail never sits in memory.
    /// </summary>
    static async Task<FileStreamHttpResult> ExportAsync(AppDbContext db, AuditSettings settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var through = await DueThroughAsync(db, settings, clock, cancellationToken);
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await WriteFileAsync(file, db, through, cancellationToken);
            file.Position = 0;
            return TypedResults.File(file, "application/json", $"audit-archive-through-{through}.json");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    static async Task<AuditArchiveResult> ArchiveAsync(AuditArchiveRequest request, AppDbContext db, WriteUnit unit, CurrentUser user, AuditSettings settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ThroughSequence is not > 0) errors["throughSequence"] = ["The sequence the archive file ends with (its throughSequence)."];
        if (request.Sha256 is not { Length: 64 } digest || !digest.All(char.IsAsciiHexDigit)) errors["sha256"] = ["The SHA-256 of the archive file: 64 hexadecimal digits."];
        if (errors.Count > 0) throw ApiProblem.Validation(errors);
        var through = request.ThroughSequence!.Value;

        return await unit.RunAsync([LockKey.AuditArchive], async ct =>
        {
            var due = await DueThroughAsync(db, settings, clock, ct);
            if (through > due) throw new ApiProblem(409, ProblemCodes.ArchiveNotDue, "Some of these records are newer than the retention period.").With("dueThroughSequence", due);
            var (count, sha256) = await DigestAsync(db, through, ct);
            if (count == 0) throw NothingToArchive();
            if (!string.Equals(sha256, request.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new ApiProblem(409, ProblemCodes.ArchiveMismatch, "The SHA-256 is not that of these records' archive file.", "Download the archive again and send its SHA-256.");

            // The archive row first: the database deletes only records an archive row covers.
            var archive = new AuditArchive
            {
                WorkspaceId = user.WorkspaceId, ThroughSequence = through, RecordCount = count, Sha256 = sha256,
                ArchivedAt = clock.GetUtcNow().UtcDateTime, ArchivedBy = user.UserId,
            };
            db.AuditArchives.Add(archive);
            await db.SaveChangesAsync(ct);
            await db.AuditRecords.Where(a => a.Sequence <= through).ExecuteDeleteAsync(ct);
            return new AuditArchiveResult(through, count, sha256, archive.ArchivedAt);
        }, cancellationToken);
    }

    /// <summary>The last sequence of the workspace's trail before its first record within the retention period.</summary>
    static async Task<long> DueThroughAsync(AppDbContext db, AuditSettings settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var years = settings.RetentionYears
            ?? throw new ApiProblem(409, ProblemCodes.AuditRetentionOff, "Audit records are kept forever here.", $"An operator sets {AuditSettings.Section}:RetentionYears to allow archiving.");
        var cutoff = clock.GetUtcNow().UtcDateTime.AddYears(-years);
        var firstKept = await db.AuditRecords.Where(a => a.OccurredAt >= cutoff).MinAsync(a => (long?)a.Sequence, cancellationToken);
        var through = firstKept is { } kept ? kept - 1 : await db.AuditRecords.MaxAsync(a => (long?)a.Sequence, cancellationToken) ?? 0;
        return await db.AuditRecords.AnyAsync(a => a.Sequence <= through, cancellationToken) ? through : throw NothingToArchive();
    }

    static ApiProblem NothingToArchive() => new(409, ProblemCodes.NothingToArchive, "No audit records are older than the retention period.");

    /// <summary>The archive file: the workspace, the last sequence, and each record as GET /api/audit shows it, oldest first.</summary>
    static async Task<int> WriteFileAsync(Stream destination, AppDbContext db, long through, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var json = new Utf8JsonWriter(destination);
        json.WriteStartObject();
        json.WriteString("workspaceId", db.WorkspaceId);
        json.WriteNumber("throughSequence", through);
        json.WriteStartArray("records");
        var records = db.AuditRecords.AsNoTracking().Where(a => a.Sequence <= through).OrderBy(a => a.Sequence).AsAsyncEnumerable();
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(json, AuditEntry.From(record), FileJson);
            count++;
            if (json.BytesPending > 32 * 1024) await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>The archive file's SHA-256 (lower-case hex), computed by writing it again: records never change, so the bytes are the same.</summary>
    static async Task<(int Count, string Sha256)> DigestAsync(AppDbContext db, long through, CancellationToken cancellationToken)
    {
        using var sha = SHA256.Create();
        int count;
        await using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
        {
            count = await WriteFileAsync(hashing, db, through, cancellationToken);
        }
        return (count, Convert.ToHexStringLower(sha.Hash!));
    }
}
