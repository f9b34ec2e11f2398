using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Workspaces;

/// <summary>Maps a tenant to its workspace, creating it on the tenant's first call. Tenants never change workspace, so the map is cached.</summary>
public sealed class WorkspaceDirectory(TimeProvider clock)
{
    readonly ConcurrentDictionary<Guid, Guid> workspaceByTenant = new();

    /// <summary>The tenant's workspace if this process has seen it (no database needed).</summary>
    public bool TryGetCached(Guid tenantId, out Guid workspaceId) => workspaceByTenant.TryGetValue(tenantId, out workspaceId);

    public async Task<Guid> GetOrCreateAsync(AppDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        if (TryGetCached(tenantId, out var cached)) return cached;

        var id = await FindAsync(db, tenantId, cancellationToken);
        if (id is null)
        {
            db.Workspaces.Add(new Workspace { Id = Guid.CreateVersion7(), TenantId = tenantId, CreatedAt = clock.GetUtcNow().UtcDateTime, MatchKeysIndexed = true });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request created it first (unique TenantId): use theirs.
                db.ChangeTracker.Clear();
            }
            id = await FindAsync(db, tenantId, cancellationToken) ?? throw new InvalidOperationException("Workspace creation failed.");
        }
        return workspaceByTenant.GetOrAdd(tenantId, id.Value);
    }

    static Task<Guid?> FindAsync(AppDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
        db.Workspaces.AsNoTracking().Where(w => w.TenantId == tenantId).Select(w => (Guid?)w.Id).FirstOrDefaultAsync(cancellationToken);
}
