using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace OutlookCrm.Service.Problems;

/// <summary>The one place where exceptions become problem details; nothing else writes stack traces out.</summary>
sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Translate(exception);
        if (problem.Status >= 500)
            logger.LogError(exception, "Request failed with {Status} {Code}", problem.Status, problem.Code);
        else
            logger.LogInformation("Request refused with {Status} {Code}", problem.Status, problem.Code);

        if (problem.Status == 503) http.Response.Headers.RetryAfter = "5";
        http.Response.StatusCode = problem.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = ToDetails(problem),
        });
    }

    internal static ProblemDetails ToDetails(ApiProblem problem)
    {
        var details = new ProblemDetails
        {
            Status = problem.Status,
            Type = ProblemTypes.Uri(problem.Code),
            Title = problem.Title,
            Detail = problem.Detail,
        };
        details.Extensions["code"] = problem.Code;
        foreach (var (key, value) in problem.Extensions) details.Extensions[key] = value;
        return details;
    }

    internal static ApiProblem Translate(Exception exception) => exception switch
    {
        ApiProblem problem => problem,
        BadHttpRequestException { StatusCode: 413 } => ApiProblem.PayloadTooLarge(RequestLimits.MaxBodyBytes),
        BadHttpRequestException { StatusCode: 415 } => ApiProblem.UnsupportedMediaType(),
        BadHttpRequestException { InnerException: JsonException json } => ApiProblem.MalformedJson(JsonErrorDetail(json)),
        BadHttpRequestException bad => new ApiProblem(bad.StatusCode, bad.StatusCode == 400 ? ProblemCodes.BadRequest : ProblemCodes.RequestRejected, "The request could not be read."),
        JsonException json => ApiProblem.MalformedJson(JsonErrorDetail(json)),
        DbUpdateConcurrencyException => ApiProblem.VersionMismatch(),
        OperationCanceledException => new ApiProblem(499, ProblemCodes.Cancelled, "The request was cancelled."),
        _ when IsDatabaseFailure(exception) =>
            new ApiProblem(503, ProblemCodes.Unavailable, "The service is temporarily unavailable.", "Try again in a few seconds."),
        _ => new ApiProblem(500, ProblemCodes.ServerError, "Something went wrong on our side."),
    };

    /// <summary>The database failed or timed out, directly or under EF Core's wrappers (DbUpdateException, retry limits).</summary>
    static bool IsDatabaseFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException or TimeoutException) return true;
        return false;
    }

    // Only the JSON path is echoed: the message may quote the caller's data.
    static string? JsonErrorDetail(JsonException json) =>
        json.Path is { Length: > 0 } path ? $"Unexpected value at {path}." : null;
}

public static class ProblemTypes
{
    public static string Uri(string code) => $"urn:outlookcrm:problem:{code}";
}
