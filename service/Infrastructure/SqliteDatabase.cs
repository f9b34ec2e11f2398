using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OutlookCrm.Service.Infrastructure;

/// <summary>
/// The embedded database file, for the two hot paths that bypass EF Core (lookup reads, audit
/// appends): they hold their own connections so their prepared statements live as long as the
/// connection (Microsoft.Data.Sqlite keeps a statement prepared per command only, and EF Core makes
/// a new command for every query).
/// </summary>
public sealed class SqliteDatabase(string connectionString)
{
    /// <summary>
    /// Per connection: a writer that finds the file busy waits inside SQLite (short back-off) instead of
    /// Microsoft.Data.Sqlite's coarse retry; and, with WAL, commits are durable across a process crash
    /// without an fsync each (synchronous=NORMAL; see docs/decisions/0007).
    /// </summary>
    internal static void ApplyPragmas(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }

    /// <summary>Opens a connection and hands it to <paramref name="prepare"/>, which owns it from then on (closed here if preparing fails).</summary>
    public T Open<T>(Func<SqliteConnection, T> prepare)
    {
        var connection = Open();
        try
        {
            return prepare(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            ApplyPragmas(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
