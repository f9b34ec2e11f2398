using Microsoft.Identity.Web;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;
using OutlookCrm.Service.Workspaces;

namespace OutlookCrm.Service.Auth;

/// <summary>Runs before every API handler: turns the validated token into the caller's workspace and user.</summary>
sealed class CurrentUserFilter(CurrentUser currentUser, WorkspaceDirectory workspaces, AuthSettings settings, AppDbContext db) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var principal = context.HttpContext.User;
        if (!Guid.TryParse(principal.GetTenantId(), out var tenantId) || !Guid.TryParse(principal.GetObjectId(), out var userId))
            throw Forbidden("The token does not name a tenant and a user.");
        if (settings.AllowedTenants.Count > 0 && !settings.AllowedTenants.Contains(tenantId))
            throw Forbidden("This organization is not allowed to use this service.");

        var workspaceId = await workspaces.GetOrCreateAsync(db, tenantId, context.HttpContext.RequestAborted);
        currentUser.Resolve(tenantId, userId, workspaceId, principal.FindFirst("name")?.Value, principal.GetDisplayName());
        return await next(context);
    }

    static ApiProblem Forbidden(string title) => new(403, "forbidden", title);
}
