using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Audit;

/// <summary>
/// The embedded database appends audit records with its own prepared INSERT; SQL Server through EF
/// Core. What either writes must read back through EF Core the same: Guids, times, nulls, filters.
/// </summary>
[Trait("Database", "SqliteOnly")]
public class AuditStoreTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    static readonly DateTime At = new DateTime(2026, 11, 27, 13, 14, 15, DateTimeKind.Utc).AddTicks(1_234_567);

    [Fact]
    public async Task Records_from_the_prepared_insert_and_from_ef_core_read_back_the_same()
    {
        var session = await factory.SignInAsync();
        var workspaceId = await session.WorkspaceIdAsync();
        var correlation = Guid.NewGuid().ToString("N");
        AuditRecord Record(string objectId) => new()
        {
            WorkspaceId = workspaceId, TenantId = session.TenantId, UserId = session.UserId, Action = "store-check",
            ObjectType = "client", ObjectId = objectId, OccurredAt = At, Outcome = "success", CorrelationId = correlation,
        };
        AuditRecord Anonymous() => new() { Action = "denied", OccurredAt = At, Outcome = "unauthorized", CorrelationId = correlation };

        var prepared = factory.Services.GetRequiredService<IAuditStore>();
        Assert.IsType<SqliteAuditStore>(prepared);
        await prepared.AppendAsync([Record("from-prepared"), Anonymous()], CancellationToken.None);
        await new EfAuditStore(factory.Services.GetRequiredService<IServiceScopeFactory>()).AppendAsync([Record("from-ef"), Anonymous()], CancellationToken.None);

        using var request = await RequestScope.ForAsync(factory, session);
        var db = request.Db;
        // Filtered by the workspace, the user and a time range: each comparison runs in SQL on the stored text.
        var mine = await db.AuditRecords.AsNoTracking()
            .Where(a => a.CorrelationId == correlation && a.UserId == session.UserId && a.OccurredAt >= At && a.OccurredAt <= At)
            .OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(["from-prepared", "from-ef"], mine.Select(a => a.ObjectId));
        Assert.All(mine, a =>
        {
            Assert.Equal((workspaceId, session.TenantId, "store-check", "client", At, DateTimeKind.Utc, "success"),
                (a.WorkspaceId!.Value, a.TenantId!.Value, a.Action, a.ObjectType!, a.OccurredAt, a.OccurredAt.Kind, a.Outcome));
        });

        var anonymous = await db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.CorrelationId == correlation && a.WorkspaceId == null).ToListAsync();
        Assert.Equal(2, anonymous.Count);
        Assert.All(anonymous, a => Assert.Equal((null, null, null, null), (a.TenantId, a.UserId, a.ObjectType, a.ObjectId)));
    }
}
