using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Tests.Support;

/// <summary>The service's own DbContext as one of the session's requests gets it: scoped to their workspace.</summary>
public sealed class RequestScope : IDisposable
{
    readonly IServiceScope scope;

    RequestScope(IServiceScope scope, AppDbContext db)
    {
        this.scope = scope;
        Db = db;
    }

    public AppDbContext Db { get; }

    public static async Task<RequestScope> ForAsync(ServiceFactory factory, TenantSession session)
    {
        var workspaceId = await session.WorkspaceIdAsync();
        var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Resolve(session.TenantId, session.UserId, workspaceId, null, null);
        return new RequestScope(scope, scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public void Dispose() => scope.Dispose();
}
