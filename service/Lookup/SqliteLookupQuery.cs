using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Lookup;

/// <summary>
/// The lookup on the embedded database without EF Core: it is the call every opened email makes, and
/// preparing the statement anew each time cost more than the two index seeks themselves (BENCHMARKS.md).
/// Pooled readers keep their connection and their prepared statement; the addresses travel as one
/// JSON array, so one statement serves 1 to 50 of them. The workspace is always a parameter: no
/// query filter guards this SQL, so the tenant tests run against it.
/// </summary>
sealed class SqliteLookupQuery(SqliteDatabase database) : ILookupQuery, IDisposable
{
    /// <summary>Enough for the service's concurrency on a small machine; extra readers opened under a burst are closed.</summary>
    const int MaxIdleReaders = 16;

    internal const string Sql = """
        SELECT c.EmailNormalized, c.Id, c.FirstName, c.LastName, c.PreferredName, NULL
        FROM Clients AS c
        WHERE c.WorkspaceId = $workspace AND c.EmailNormalized IN (SELECT value FROM json_each($addresses))
        UNION ALL
        SELECT v.EmailNormalized, v.ClientId, c.FirstName, c.LastName, c.PreferredName, f.Label
        FROM FieldValues AS v
        JOIN Clients AS c ON c.Id = v.ClientId AND c.WorkspaceId = $workspace
        JOIN FieldDefinitions AS f ON f.Id = v.FieldId AND f.WorkspaceId = $workspace
        WHERE v.WorkspaceId = $workspace AND v.EmailNormalized IN (SELECT value FROM json_each($addresses))
        """;

    readonly ConcurrentQueue<Reader> idle = new();
    volatile bool disposed;

    public Task<List<LookupOwner>> FindAsync(Guid workspaceId, string[] normalizedAddresses, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(disposed, this);
        var reader = idle.TryDequeue(out var pooled) ? pooled : database.Open(connection => new Reader(connection));
        List<LookupOwner> owners;
        try
        {
            owners = reader.Find(workspaceId, normalizedAddresses);
        }
        catch
        {
            // Not returned to the pool: its connection may be what failed.
            reader.Dispose();
            throw;
        }
        // ConcurrentQueue.Count is a cheap snapshot; a little over the limit under a race is harmless.
        if (!disposed && idle.Count < MaxIdleReaders) idle.Enqueue(reader);
        else reader.Dispose();
        // A lookup that finished while the service was stopping must not leave its reader open.
        if (disposed) DisposeIdle();
        return Task.FromResult(owners);
    }

    public void Dispose()
    {
        disposed = true;
        DisposeIdle();
    }

    void DisposeIdle()
    {
        while (idle.TryDequeue(out var reader)) reader.Dispose();
    }

    /// <summary>One connection and its prepared lookup statement; used by one request at a time.</summary>
    sealed class Reader : IDisposable
    {
        readonly SqliteConnection connection;
        readonly SqliteCommand command;
        readonly SqliteParameter workspace;
        readonly SqliteParameter addresses;

        public Reader(SqliteConnection connection)
        {
            this.connection = connection;
            command = connection.CreateCommand();
            command.CommandText = Sql;
            // Text, as EF Core stores Guids on SQLite (upper case).
            workspace = command.Parameters.Add("$workspace", SqliteType.Text);
            addresses = command.Parameters.Add("$addresses", SqliteType.Text);
            command.Prepare();
        }

        public List<LookupOwner> Find(Guid workspaceId, string[] normalizedAddresses)
        {
            workspace.Value = workspaceId;
            addresses.Value = JsonSerializer.Serialize(normalizedAddresses, LookupJson.Default.StringArray);
            var owners = new List<LookupOwner>();
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                owners.Add(new LookupOwner
                {
                    Address = rows.GetString(0),
                    ClientId = rows.GetGuid(1),
                    FirstName = rows.GetString(2),
                    LastName = rows.GetString(3),
                    PreferredName = rows.IsDBNull(4) ? null : rows.GetString(4),
                    FieldLabel = rows.IsDBNull(5) ? null : rows.GetString(5),
                });
            }
            return owners;
        }

        public void Dispose()
        {
            command.Dispose();
            connection.Dispose();
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string[]), TypeInfoPropertyName = "StringArray")]
sealed partial class LookupJson : System.Text.Json.Serialization.JsonSerializerContext;
