using Microsoft.Identity.Web;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;
using OutlookCrm.Service.Workspaces;

namespace OutlookCrm.Service.Auth;

/// <summary>
/// Runs before every API handler: turns the validated token into the caller's workspace and user.
/// Both are cached per process, so the database context is resolved only for a tenant or user not
/// seen yet (renting and resetting a pooled context on every lookup cost more than the rest of this filter).
/// </summary>
sealed class CurrentUserFilter(CurrentUser currentUser, WorkspaceDirectory workspaces, WorkspaceMembers members, AuthSettings settings) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var principal = context.HttpContext.User;
        if (!Guid.TryParse(principal.GetTenantId(), out var tenantId) || !Guid.TryParse(principal.GetObjectId(), out var userId))
            throw Forbidden("The token does not name a tenant and a user.");
        if (tenantId == PersonalAccountsTenant)
            throw Forbidden("Personal Microsoft accounts cannot use this service; sign in with a work or school account.");
        if (settings.AllowedTenants.Count > 0 && !settings.AllowedTenants.Contains(tenantId))
            throw Forbidden("This organization is not allowed to use this service.");

        var http = context.HttpContext;
        if (!workspaces.TryGetCached(tenantId, out var workspaceId))
            workspaceId = await workspaces.GetOrCreateAsync(http.RequestServices.GetRequiredService<AppDbContext>(), tenantId, http.RequestAborted);
        var name = principal.FindFirst("name")?.Value;
        if (!members.TryGetCached(workspaceId, userId, name, out var isFirst))
        {
            var services = http.RequestServices;
            isFirst = await members.IsFirstMemberAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<WriteUnit>(),
                workspaceId, userId, name, http.RequestAborted);
        }
        currentUser.Resolve(tenantId, userId, workspaceId, name,
            principal.FindFirst("preferred_username")?.Value, RoleOf(principal, isFirst));
        return await next(context);
    }

    /// <summary>
    /// Entra app roles decide (Admin, Staff; no role is Staff). In Development a token without roles
    /// makes the workspace's first user its Admin, so a fresh local workspace can be administered.
    /// </summary>
    UserRole RoleOf(System.Security.Claims.ClaimsPrincipal principal, bool isFirstMember)
    {
        var roles = principal.FindAll("roles").Select(r => r.Value).ToList();
        if (roles.Contains(nameof(UserRole.Admin), StringComparer.Ordinal)) return UserRole.Admin;
        if (roles.Count == 0 && settings.Mode == AuthMode.Development && isFirstMember) return UserRole.Admin;
        return UserRole.Staff;
    }

    static ApiProblem Forbidden(string title) => new(403, ProblemCodes.Forbidden, title);

    /// <summary>The tenant id every personal Microsoft account (outlook.com, hotmail.com) carries.</summary>
    internal static readonly Guid PersonalAccountsTenant = Guid.Parse("9188040d-6c67-4c5b-b112-36a304b66dad");
}
