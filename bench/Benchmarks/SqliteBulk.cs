using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Infrastructure;

namespace Benchmarks;

/// <summary>Raw, prepared inserts for seeding, writing values the way EF Core's SQLite provider stores them.</summary>
static class SqliteBulk
{
    /// <summary>A connection to a file migrated by the service's own migrations, tuned for bulk loading (not durable until closed).</summary>
    public static async Task<SqliteConnection> OpenMigratedAsync(string databasePath)
    {
        var connectionString = $"Data Source={databasePath}";
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options))
            await db.Database.MigrateAsync();
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");
        return connection;
    }

    /// <summary>EF Core's SQLite provider stores GUIDs as upper-case text.</summary>
    public static string Text(Guid id) => id.ToString().ToUpperInvariant();

    public static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF");

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter(name, SqliteType.Text));
        command.Prepare();
        return command;
    }

    public static void Run(SqliteCommand command, params string[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}
