using Microsoft.Data.Sqlite;

namespace OutlookCrm.Service.Tests.Support;

/// <summary>Direct reads of a service's SQLite file, for what the API deliberately does not show.</summary>
public static class DatabaseFile
{
    public static long Count(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
