using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Infrastructure;

public class MigrationTests
{
    [Fact]
    public void Sqlite_model_has_no_changes_without_a_migration()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteAppDbContext --output-dir Infrastructure/Migrations/Sqlite");
    }

    [Fact]
    public void Sql_server_model_has_no_changes_without_a_migration()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqlServerAppDbContext --output-dir Infrastructure/Migrations/SqlServer");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void Sql_server_script_creates_the_lookup_indexes_with_binary_collation()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.Database.GenerateCreateScript();
        Assert.Contains("[EmailNormalized] nvarchar(320) COLLATE Latin1_General_100_BIN2_UTF8", script);
        Assert.Contains("CREATE INDEX [IX_Clients_WorkspaceId_EmailNormalized]", script);
        Assert.Contains("CREATE INDEX [IX_FieldValues_WorkspaceId_EmailNormalized]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Workspaces_TenantId]", script);
    }

    [Fact]
    public async Task The_database_is_created_and_fully_migrated_on_start()
    {
        using var factory = new ServiceFactory();
        await factory.SignInAsync();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task The_local_sqlite_file_is_in_wal_mode()
    {
        using var factory = new ServiceFactory();
        await factory.SignInAsync();
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
