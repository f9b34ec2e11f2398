using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Suggestions;

/// <summary>
/// Gives the clients of workspaces that predate suggestion keys their keys, once, in the background:
/// a migration cannot fold names the way <see cref="ClientNames.Fold"/> does. Batches run under each
/// client's lock, so a record changed meanwhile is re-keyed by whichever write comes second.
/// </summary>
sealed class MatchKeyBackfill(IServiceScopeFactory scopes, ILogger<MatchKeyBackfill> logger) : BackgroundService
{
    const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var workspace in await PendingAsync(stoppingToken))
            {
                var count = await IndexAsync(scopes, workspace.Id, workspace.TenantId, stoppingToken);
                logger.LogInformation("Suggestion keys built for {Count} clients of workspace {WorkspaceId}", count, workspace.Id);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Suggestions are a help, not a duty: the pane works without them, and the next start tries again.
            logger.LogWarning(e, "Building suggestion keys failed; it will be tried again at the next start");
        }
    }

    async Task<List<Workspaces.Workspace>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Workspaces.AsNoTracking().Where(w => !w.MatchKeysIndexed).ToListAsync(cancellationToken);
    }

    /// <returns>How many clients were keyed.</returns>
    internal static async Task<int> IndexAsync(IServiceScopeFactory scopes, Guid workspaceId, Guid tenantId, CancellationToken cancellationToken)
    {
        var count = 0;
        var after = Guid.Empty;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Resolve(tenantId, Guid.Empty, workspaceId, null, null);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unit = scope.ServiceProvider.GetRequiredService<WriteUnit>();

            var ids = await db.Clients.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Select(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                await db.Workspaces.Where(w => w.Id == workspaceId).ExecuteUpdateAsync(s => s.SetProperty(w => w.MatchKeysIndexed, true), cancellationToken);
                return count;
            }
            await unit.RunAsync([.. ids.Select(LockKey.Client)], async ct =>
            {
                var clients = await ClientRecords.ForChange(db.Clients.Where(c => ids.Contains(c.Id))).ToListAsync(ct);
                clients.ForEach(MatchKeys.Refresh);
                return clients.Count;
            }, cancellationToken, carriesAudit: false);
            count += ids.Count;
            after = ids[^1];
        }
    }
}
