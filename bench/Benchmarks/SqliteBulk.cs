using Microsoft.Data.Sqlite;

namespace Benchmarks;

/// <summary>Raw, prepared inserts for seeding, writing values the way EF Core's SQLite provider stores them.</summary>
static class SqliteBulk
{
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
