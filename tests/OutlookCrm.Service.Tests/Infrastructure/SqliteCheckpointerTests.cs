using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Tests.Infrastructure;

[Trait("Database", "SqliteOnly")]
public class SqliteCheckpointerTests
{
    [Fact]
    public async Task A_signalled_write_reaches_the_database_file_without_waiting_for_the_writers_checkpoint()
    {
        var directory = Path.Combine(Path.GetTempPath(), "outlookcrm-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "checkpoint.db");
        var connectionString = $"Data Source={path};Pooling=False";

        // A writer that never checkpoints by itself, kept open so that closing it does not checkpoint either.
        await using var writer = new SqliteConnection(connectionString);
        writer.Open();
        Execute(writer, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE Pages (Content BLOB);");
        Execute(writer, "INSERT INTO Pages SELECT randomblob(4000) FROM json_each(json_array(" + string.Join(',', Enumerable.Range(0, 100)) + "));");
        var sizeBefore = new FileInfo(path).Length;
        Assert.True(new FileInfo(path + "-wal").Length > 100 * 4000, "the rows are in the log, not yet in the file");

        using var checkpointer = new SqliteCheckpointer(new SqliteDatabase(connectionString), NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(CancellationToken.None);
        checkpointer.WalGrew();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (new FileInfo(path).Length < sizeBefore + 100 * 4000 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await checkpointer.StopAsync(CancellationToken.None);

        Assert.True(new FileInfo(path).Length >= sizeBefore + 100 * 4000, $"file grew from {sizeBefore} to {new FileInfo(path).Length} bytes");
    }

    static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
