using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Audit;

namespace OutlookCrm.Service.Infrastructure;

/// <summary>
/// The one way the service writes: under the given locks, in one transaction, inside EF Core's
/// execution strategy, so a retrying strategy (SQL Server's EnableRetryOnFailure, ours on SQLite)
/// runs the whole unit again from a clean change tracker instead of refusing it. The request's audit
/// record commits in the same transaction, with the outcome the caller is about to get.
/// </summary>
public sealed class WriteUnit(AppDbContext db, AuditTrail audit)
{
    /// <summary>
    /// An exclusive application lock held until the transaction ends. sp_getapplock reports a timeout
    /// or deadlock in its return value, not as an error, so a refusal is turned into one here.
    /// </summary>
    internal const string SqlServerAppLock = """
        DECLARE @granted int;
        EXEC @granted = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 15000;
        IF @granted < 0 THROW 51000, 'A write lock was not granted in time.', 1;
        """;

    /// <summary>Runs <paramref name="work"/> (which may run more than once: it must load what it changes itself), then saves and commits.</summary>
    /// <param name="carriesAudit">false for a unit whose outcome is not yet the caller's (an intake committed before its email is sent).</param>
    public async Task<T> RunAsync<T>(IReadOnlyCollection<LockKey> locks, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken, bool carriesAudit = true)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await LockAsync(locks, ct);
            var value = await work(ct);
            if (carriesAudit) audit.JoinUnitOfWork(db);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return value;
        }, cancellationToken);
        if (carriesAudit) audit.MarkCommitted();
        return result;
    }

    public Task RunAsync(IReadOnlyCollection<LockKey> locks, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunAsync(locks, async ct => { await work(ct); return true; }, cancellationToken);

    /// <summary>
    /// SQLite's transactions begin IMMEDIATE (Microsoft.Data.Sqlite's default), so writers are already
    /// one at a time; SQL Server locks per key, leaving unrelated writes to run side by side.
    /// </summary>
    async Task LockAsync(IReadOnlyCollection<LockKey> locks, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlServer()) return;
        // Sorted, so two writers that need the same keys take them in the same order.
        foreach (var key in locks.Select(k => k.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            await db.Database.ExecuteSqlRawAsync(SqlServerAppLock, [new SqlParameter("@resource", ResourceOf(db.WorkspaceId, key))], cancellationToken);
    }

    /// <summary>Per workspace, hashed: lock resources are limited to 255 characters and keys can hold addresses.</summary>
    internal static string ResourceOf(Guid workspaceId, string key) =>
        $"{workspaceId:N}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}";
}
