using Microsoft.Identity.Web;

namespace OutlookCrm.Service.Audit;

/// <summary>
/// Records API calls refused before any endpoint ran (no or bad token, missing scope), which the
/// endpoint filter never sees. Sits outside the exception handler so it sees the final status.
/// </summary>
sealed class DeniedAttemptAudit(RequestDelegate next, ILogger<DeniedAttemptAudit> logger)
{
    public async Task InvokeAsync(HttpContext http, AuditTrail audit, AuditWriter writer)
    {
        await next(http);
        if (http.Response.StatusCode is not (401 or 403) || AuditTrail.WasAudited(http) || !http.Request.Path.StartsWithSegments("/api")) return;
        try
        {
            var record = audit.New("denied", null, null, http);
            record.Outcome = http.Response.StatusCode == 401 ? "unauthorized" : "forbidden";
            if (record.WorkspaceId is null && Guid.TryParse(http.User.GetTenantId(), out var tenantId)) record.TenantId = tenantId;
            if (Guid.TryParse(http.User.GetObjectId(), out var userId)) record.UserId = userId;
            await writer.WriteAsync(record, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not record a denied request in the audit trail");
        }
    }
}
