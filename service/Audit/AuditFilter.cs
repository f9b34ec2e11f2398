using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OutlookCrm.Service.Idempotency;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Audit;

/// <summary>
/// Audits every call of an endpoint marked <see cref="Audited"/>: exactly one record, whose outcome
/// is what the caller got. A call that wrote has its record committed by its <see cref="Infrastructure.WriteUnit"/>;
/// any other (a read, a replay, a refusal) has it written by the <see cref="AuditWriter"/> before the response goes out.
/// </summary>
sealed class AuditFilter(AuditTrail audit, AuditWriter writer, ILogger<AuditFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<Audited>() is not { } audited) return await next(context);

        audit.Begin(audited, audited.RouteKey is null ? null : http.GetRouteValue(audited.RouteKey)?.ToString(), http);
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception e) when (!audit.IsCommitted)
        {
            try
            {
                await writer.WriteAsync(audit.Complete(ProblemExceptionHandler.Translate(e).Code, replay: false), CancellationToken.None);
            }
            catch (Exception writeFailure)
            {
                // The caller still gets the problem that caused the refusal (a database outage stays a
                // 503), not the audit write's own failure; the writer has logged the details.
                logger.LogDebug(writeFailure, "A refusal could not be audited");
            }
            throw;
        }

        if (!audit.IsCommitted)
        {
            var (outcome, replay) = OutcomeOf(result);
            await writer.WriteAsync(audit.Complete(outcome, replay), CancellationToken.None);
        }
        return result;
    }

    static (string Outcome, bool Replay) OutcomeOf(object? result) => result switch
    {
        StoredResponse stored => (stored.Outcome, stored.IsReplay),
        ProblemHttpResult problem => (ProblemCodes.CodeOf(problem.ProblemDetails), false),
        IStatusCodeHttpResult { StatusCode: >= 400 and var status } => (ProblemCodes.ForStatus(status), false),
        _ => (AuditTrail.Success, false),
    };
}
