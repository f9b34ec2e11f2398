using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OutlookCrm.Service.Tests.Support;

/// <summary>Records the SQL the service really runs, with its parameters, so tests can ask SQLite for its plan.</summary>
public sealed class CommandCapture : DbCommandInterceptor
{
    public ConcurrentQueue<(string Sql, (string Name, object? Value)[] Parameters)> Commands { get; } = new();

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray()));
        return ValueTask.FromResult(result);
    }

    public void Clear() => Commands.Clear();

    /// <summary>SQLite's plan for a captured command, one detail line per step.</summary>
    public static List<string> PlanOf(string databasePath, string sql, (string Name, object? Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add(reader.GetString(3));
        return lines;
    }
}
