using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Workspaces;

/// <summary>
/// Remembers which users a workspace has seen, which one came first, and their names (cached per
/// process: the database is written only when a user is new or their name changed).
/// </summary>
public sealed class WorkspaceMembers(TimeProvider clock)
{
    readonly ConcurrentDictionary<(Guid, Guid), (bool IsFirst, string? Name)> known = new();

    /// <summary>Whether the user came first, if this process has seen them under this name (no database needed).</summary>
    public bool TryGetCached(Guid workspaceId, Guid userId, string? name, out bool isFirst)
    {
        if (known.TryGetValue((workspaceId, userId), out var cached) && cached.Name == Trimmed(name))
        {
            isFirst = cached.IsFirst;
            return true;
        }
        isFirst = false;
        return false;
    }

    static string? Trimmed(string? name) => name is { Length: > 200 } ? name[..200] : name;

    public async Task<bool> IsFirstMemberAsync(AppDbContext db, WriteUnit unit, Guid workspaceId, Guid userId, string? name, CancellationToken cancellationToken)
    {
        if (TryGetCached(workspaceId, userId, name, out var cachedIsFirst)) return cachedIsFirst;
        name = Trimmed(name);

        var isFirst = await unit.RunAsync([LockKey.Members(workspaceId)], async ct =>
        {
            var member = await db.WorkspaceMembers.FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, ct);
            if (member is null)
            {
                member = new WorkspaceMember
                {
                    WorkspaceId = workspaceId,
                    UserId = userId,
                    FirstSeenAt = clock.GetUtcNow().UtcDateTime,
                    IsFirst = !await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId, ct),
                    DisplayName = name,
                };
                db.WorkspaceMembers.Add(member);
            }
            else if (member.DisplayName != name && name is not null)
            {
                member.DisplayName = name;
            }
            return member.IsFirst;
        }, cancellationToken, carriesAudit: false);
        // The request's own writes start from a clean tracker.
        db.ChangeTracker.Clear();
        known[(workspaceId, userId)] = (isFirst, name);
        return isFirst;
    }

    /// <summary>Names of the given users of a workspace, for "created by" lines.</summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(AppDbContext db, Guid workspaceId, IEnumerable<Guid> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.WorkspaceMembers.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && ids.Contains(m.UserId) && m.DisplayName != null)
            .ToDictionaryAsync(m => m.UserId, m => m.DisplayName!, cancellationToken);
    }
}
