using System.Threading.Channels;

namespace OutlookCrm.Service.Infrastructure;

/// <summary>
/// Copies the write-ahead log into the database file in the background, soon after audit appends (the
/// steady writer: one per audited call; other writes still checkpoint the usual way), so that
/// the writer's own automatic checkpoint (every 1,000 pages, inside its COMMIT) finds almost nothing
/// left to do. Without it, every audited lookup waiting on a group commit also waited, a few times a
/// second, for the log to be flushed to disk (the lookup's p99; BENCHMARKS.md). PASSIVE: never blocks
/// readers or the writer. The writer's checkpoint still runs, which is what lets the log restart
/// from its beginning instead of growing.
/// </summary>
public sealed class SqliteCheckpointer(SqliteDatabase database, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>Writes that arrive within this delay share one checkpoint.</summary>
    static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(25);

    /// <summary>At most one pending signal: commits while one is pending share its checkpoint.</summary>
    readonly Channel<bool> written = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Called after a commit; cheap and never blocks.</summary>
    public void WalGrew() => written.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Microsoft.Data.Sqlite.SqliteConnection? connection = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await written.Reader.ReadAsync(stoppingToken);
                await Task.Delay(Coalesce, stoppingToken);
                try
                {
                    connection ??= database.Open();
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Only an optimisation: it must never stop the host. The writer's own checkpoint
                    // still runs; this one tries again after the next append, on a new connection.
                    logger.LogWarning("Background checkpoint failed ({Error})", e.GetType().Name);
                    await (connection?.DisposeAsync() ?? ValueTask.CompletedTask);
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await (connection?.DisposeAsync() ?? ValueTask.CompletedTask);
        }
    }
}
