using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Audit;

/// <summary>Appends through EF Core, for SQL Server: its batching sends a whole group in a few round trips.</summary>
sealed class EfAuditStore(IServiceScopeFactory scopes) : IAuditStore
{
    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AuditRecords.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
    }
}
