using Microsoft.Data.Sqlite;

namespace Benchmarks;

/// <summary>
/// The same two index seeks the service runs (primary emails, email-type fields), straight on the
/// database file with prepared statements: the floor the HTTP numbers are compared with.
/// </summary>
sealed class DatabaseFloor : IDisposable
{
    readonly SqliteConnection connection;
    readonly SqliteCommand primary;
    readonly SqliteCommand fields;

    public DatabaseFloor(string databasePath, Guid workspaceId)
    {
        connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        primary = Prepare("SELECT c.Id, c.FirstName, c.LastName, c.PreferredName FROM Clients c WHERE c.WorkspaceId = $ws AND c.EmailNormalized IN ($a0, $a1, $a2)", workspaceId);
        fields = Prepare("SELECT v.ClientId, c.FirstName, c.LastName, c.PreferredName, f.Label FROM FieldValues v JOIN Clients c ON c.Id = v.ClientId JOIN FieldDefinitions f ON f.Id = v.FieldId WHERE v.WorkspaceId = $ws AND v.EmailNormalized IN ($a0, $a1, $a2)", workspaceId);
    }

    public static Guid WorkspaceOf(string databasePath, Guid tenantId)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Workspaces WHERE TenantId = $tenant";
        command.Parameters.AddWithValue("$tenant", tenantId.ToString().ToUpperInvariant());
        return Guid.Parse((string)command.ExecuteScalar()!);
    }

    SqliteCommand Prepare(string sql, Guid workspaceId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$ws", workspaceId.ToString().ToUpperInvariant());
        foreach (var name in new[] { "$a0", "$a1", "$a2" }) command.Parameters.Add(new SqliteParameter(name, SqliteType.Text));
        command.Prepare();
        return command;
    }

    public Task LookupAsync(int request, int clients)
    {
        var addresses = LoadRunner.AddressesFor(request, clients);
        var found = Read(primary, addresses) + Read(fields, addresses);
        return found == 2 ? Task.CompletedTask : throw new InvalidOperationException($"Expected 2 matches, found {found}.");
    }

    static int Read(SqliteCommand command, string[] addresses)
    {
        for (var i = 0; i < addresses.Length; i++) command.Parameters[i + 1].Value = addresses[i];
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read()) rows++;
        return rows;
    }

    public void Dispose()
    {
        primary.Dispose();
        fields.Dispose();
        connection.Dispose();
    }
}
