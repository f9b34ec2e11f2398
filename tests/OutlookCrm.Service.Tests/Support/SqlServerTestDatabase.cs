using Microsoft.Data.SqlClient;

namespace OutlookCrm.Service.Tests.Support;

/// <summary>
/// A database of its own, on the server that OUTLOOKCRM_TEST_SQLSERVER names, for one factory's
/// service: created and migrated from scratch when the service starts, dropped when the factory goes.
/// </summary>
public sealed class SqlServerTestDatabase
{
    public const string Variable = "OUTLOOKCRM_TEST_SQLSERVER";

    readonly string name = $"outlookcrm_test_{Guid.NewGuid():N}";
    readonly string master;

    SqlServerTestDatabase(string serverConnectionString)
    {
        ConnectionString = new SqlConnectionStringBuilder(serverConnectionString) { InitialCatalog = name }.ConnectionString;
        master = new SqlConnectionStringBuilder(serverConnectionString) { InitialCatalog = "master", Pooling = false }.ConnectionString;
    }

    public string ConnectionString { get; }

    /// <summary>A new database when the variable is set; null means the tests run on SQLite.</summary>
    public static SqlServerTestDatabase? FromEnvironment() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? new SqlServerTestDatabase(server) : null;

    public void Drop()
    {
        // The service's idle pooled connections would keep the database in use.
        using (var pooled = new SqlConnection(ConnectionString)) SqlConnection.ClearPool(pooled);
        using var connection = new SqlConnection(master);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = DropSql(name);
        command.ExecuteNonQuery();
    }

    /// <summary>Rolls back whatever still runs there (a factory that never started has no database).</summary>
    internal static string DropSql(string database) => $"""
        IF DB_ID(N'{database}') IS NOT NULL
        BEGIN
            ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
            DROP DATABASE [{database}];
        END
        """;
}
