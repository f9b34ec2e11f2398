using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace OutlookCrm.Service.Infrastructure;

/// <summary>
/// SQLite's counterpart of SQL Server's EnableRetryOnFailure: a unit of work that still finds the
/// file busy or locked after busy_timeout runs again from the start. Being a retrying strategy, it
/// also makes EF Core refuse any transaction opened outside <see cref="WriteUnit"/> on the embedded
/// database, exactly as SQL Server's strategy does, so every test run catches such a transaction.
/// </summary>
sealed class SqliteRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxRetries, TimeSpan.FromSeconds(2))
{
    public const int MaxRetries = 3;
    const int Busy = 5, Locked = 6;

    protected override bool ShouldRetryOn(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: Busy or Locked };
}
