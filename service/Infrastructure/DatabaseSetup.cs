using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OutlookCrm.Service.Infrastructure;

public static class DatabaseSetup
{
    public static DatabaseSettings AddOutlookCrmDatabase(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(DatabaseSettings.Section).Get<DatabaseSettings>() ?? new DatabaseSettings();
        settings.Provider ??= builder.Environment.IsProduction() ? null : DatabaseProvider.Sqlite;
        builder.Services.AddSingleton(settings);

        switch (settings.Provider)
        {
            case DatabaseProvider.SqlServer:
                builder.Services.AddDbContext<SqlServerAppDbContext>(options => options.UseSqlServer(
                    settings.ConnectionString,
                    sql => sql.EnableRetryOnFailure(3).MigrationsHistoryTable("__EFMigrationsHistory")));
                builder.Services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqlServerAppDbContext>());
                break;
            case DatabaseProvider.Sqlite:
                var connectionString = SqliteConnectionString(settings, builder.Environment.ContentRootPath);
                builder.Services.AddDbContext<SqliteAppDbContext>(options => options
                    .UseSqlite(connectionString)
                    .AddInterceptors(SqlitePragmas.Instance));
                builder.Services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
        }
        return settings;
    }

    public static string SqliteConnectionString(DatabaseSettings settings, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString)) return settings.ConnectionString;
        var directory = Path.GetFullPath(settings.DataDirectory, contentRoot);
        Directory.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "outlookcrm.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public static async Task MigrateIfConfiguredAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        if (!(settings.MigrateOnStartup ?? settings.Provider == DatabaseProvider.Sqlite)) return;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
    }
}

/// <summary>
/// WAL lets readers run beside the one writer; busy_timeout makes a writer wait its turn instead of
/// failing. Both are per connection (WAL also persists in the file).
/// </summary>
sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
