namespace OutlookCrm.Service.Infrastructure;

public enum DatabaseProvider { Sqlite, SqlServer }

public sealed class DatabaseSettings
{
    public const string Section = "Database";

    /// <summary>Unset means SQLite in Development; every other environment refuses to guess.</summary>
    public DatabaseProvider? Provider { get; set; }

    /// <summary>For SQL Server: the connection string. For SQLite: optional; default is a file under DataDirectory.</summary>
    public string? ConnectionString { get; set; }

    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply migrations at start-up. On by default for the embedded SQLite file; production runs the migration bundle instead.</summary>
    public bool? MigrateOnStartup { get; set; }
}
