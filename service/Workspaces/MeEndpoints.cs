using OutlookCrm.Service.Auth;

namespace OutlookCrm.Service.Workspaces;

public sealed record MeResponse(MeWorkspace Workspace, MeUser User);
public sealed record MeWorkspace(Guid Id, Guid TenantId);
public sealed record MeUser(Guid Id, string? Name, string? Email);

public static class MeEndpoints
{
    public static void MapMe(this RouteGroupBuilder api) =>
        api.MapGet("/me", (CurrentUser user) => new MeResponse(
                new MeWorkspace(user.WorkspaceId, user.TenantId),
                new MeUser(user.UserId, user.Name, user.Email)))
            .WithTags("Me").WithName("Me").WithSummary("The caller's workspace and user.");
}
