using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Audit;

/// <summary>
/// Audits every call of an endpoint marked <see cref="Audited"/>. The record joins the handler's unit
/// of work, so a change and its record commit in one transaction. A call that changed nothing (a
/// read, a replay, a refusal whose changes were rolled back) has its record written by the
/// <see cref="AuditWriter"/> before the response goes out.
/// </summary>
sealed class AuditFilter(AuditTrail audit, AppDbContext db, AuditWriter writer) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<Audited>() is not { } audited) return await next(context);

        var objectId = audited.RouteKey is null ? null : http.GetRouteValue(audited.RouteKey)?.ToString();
        audit.Begin(audited, objectId, http);
        AuditTrail.MarkAudited(http);
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception e)
        {
            var refused = audit.New(audited.Action, audited.ObjectType, audit.Pending?.ObjectId ?? objectId, http);
            refused.Outcome = e is ApiProblem problem ? problem.Code : "error";
            Detach(audit.Pending!);
            try
            {
                await writer.WriteAsync(refused, CancellationToken.None);
            }
            catch (Exception)
            {
                // The writer has logged it; the caller still gets the problem that caused the refusal
                // (a database outage stays a 503), not the audit write's own failure.
            }
            throw;
        }

        if (db.Entry(audit.Pending!).State == EntityState.Added)
        {
            Detach(audit.Pending!);
            await writer.WriteAsync(audit.Pending!, CancellationToken.None);
        }
        return result;
    }

    void Detach(AuditRecord record) => db.Entry(record).State = EntityState.Detached;
}
