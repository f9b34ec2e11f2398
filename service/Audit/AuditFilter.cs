using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Audit;

/// <summary>
/// Audits every call of an endpoint marked <see cref="Audited"/>. The record joins the handler's unit
/// of work (one transaction with the change); when the handler refuses or fails, its changes were
/// rolled back and the refusal is recorded on its own.
/// </summary>
sealed class AuditFilter(AuditTrail audit, AppDbContext db, ILogger<AuditFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<Audited>() is not { } audited) return await next(context);

        var objectId = audited.RouteKey is null ? null : http.GetRouteValue(audited.RouteKey)?.ToString();
        audit.Begin(audited, objectId, http);
        AuditTrail.MarkAudited(http);
        try
        {
            var result = await next(context);
            if (db.Entry(audit.Pending!).State == EntityState.Added) await SaveOnlyAuditAsync(audit.Pending!);
            return result;
        }
        catch (Exception e)
        {
            var refused = audit.New(audited.Action, audited.ObjectType, audit.Pending?.ObjectId ?? objectId, http);
            refused.Outcome = e is ApiProblem problem ? problem.Code : "error";
            try
            {
                await SaveOnlyAuditAsync(refused);
            }
            catch (Exception auditError) when (auditError is not OperationCanceledException)
            {
                logger.LogError(auditError, "Could not record a refused {Action} in the audit trail", audited.Action);
            }
            throw;
        }
    }

    /// <summary>Reads and refusals commit nothing but their audit record: anything else left tracked is dropped.</summary>
    async Task SaveOnlyAuditAsync(AuditRecord record)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity != record && e.State != EntityState.Unchanged).ToList())
            entry.State = EntityState.Detached;
        if (db.Entry(record).State == EntityState.Detached) db.Add(record);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
