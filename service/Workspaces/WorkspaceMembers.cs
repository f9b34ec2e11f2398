using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Workspaces;

/// <summary>Remembers which users a workspace has seen, and which one came first (cached: members never change).</summary>
public sealed class WorkspaceMembers(TimeProvider clock)
{
    readonly ConcurrentDictionary<(Guid, Guid), bool> isFirstByMember = new();

    public async Task<bool> IsFirstMemberAsync(AppDbContext db, Guid workspaceId, Guid userId, CancellationToken cancellationToken)
    {
        if (isFirstByMember.TryGetValue((workspaceId, userId), out var cached)) return cached;

        await using var transaction = await WriteLock.BeginAsync(db, [$"members:{workspaceId:N}"], cancellationToken);
        var member = await db.WorkspaceMembers.FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, cancellationToken);
        if (member is null)
        {
            member = new WorkspaceMember
            {
                WorkspaceId = workspaceId,
                UserId = userId,
                FirstSeenAt = clock.GetUtcNow().UtcDateTime,
                IsFirst = !await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId, cancellationToken),
            };
            db.WorkspaceMembers.Add(member);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.Entry(member).State = EntityState.Detached;
        }
        return isFirstByMember.GetOrAdd((workspaceId, userId), member.IsFirst);
    }
}
