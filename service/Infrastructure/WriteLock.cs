using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OutlookCrm.Service.Infrastructure;

/// <summary>
/// A transaction for a check-then-write (is this address free? then link it). SQLite's transactions
/// here begin IMMEDIATE, so writers are already serialized; SQL Server takes an application lock per
/// key for the same effect without serializing unrelated writes.
/// </summary>
public static class WriteLock
{
    public static async Task<IDbContextTransaction> BeginAsync(AppDbContext db, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsSqlServer())
        {
            // Sorted, so two writers that need the same keys take them in the same order.
            foreach (var key in keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var resource = $"{db.WorkspaceId:N}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}";
                await db.Database.ExecuteSqlAsync(
                    $"EXEC sp_getapplock @Resource = {resource}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 15000",
                    cancellationToken);
            }
        }
        return transaction;
    }
}
