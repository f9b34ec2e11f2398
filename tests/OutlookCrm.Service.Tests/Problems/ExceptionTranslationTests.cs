using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Tests.Problems;

/// <summary>Database failures are 503 (retry) however EF Core wraps them; anything unknown is a plain 500.</summary>
public class ExceptionTranslationTests
{
    static SqliteException DatabaseDown() => new("unable to open database file", 14);

    public static TheoryData<Exception, int, string> Cases => new()
    {
        { DatabaseDown(), 503, "unavailable" },
        { new TimeoutException(), 503, "unavailable" },
        { new DbUpdateException("save failed", DatabaseDown()), 503, "unavailable" },
        // SQL Server's retrying strategy gives up with this wrapper around the last failure.
        { new RetryLimitExceededException("retries exhausted", new DbUpdateException("save failed", DatabaseDown())), 503, "unavailable" },
        { new InvalidOperationException("pool", DatabaseDown()), 503, "unavailable" },
        { new DbUpdateConcurrencyException("stale"), 412, "version-mismatch" },
        { new OperationCanceledException(), 499, "cancelled" },
        { new InvalidOperationException("a bug"), 500, "server-error" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Translates_to_a_problem(Exception exception, int status, string code)
    {
        var problem = ProblemExceptionHandler.Translate(exception);
        Assert.Equal((status, code), (problem.Status, problem.Code));
    }
}
