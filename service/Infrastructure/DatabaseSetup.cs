using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Auth;

namespace OutlookCrm.Service.Infrastructure;

public static class DatabaseSetup
{
    public static DatabaseSettings AddOutlookCrmDatabase(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(DatabaseSettings.Section).Get<DatabaseSettings>() ?? new DatabaseSettings();
        settings.Provider ??= builder.Environment.IsDevelopment() ? DatabaseProvider.Sqlite : null;
        builder.Services.AddSingleton(settings);

        switch (settings.Provider)
        {
            case DatabaseProvider.SqlServer:
                builder.Services.AddPooledDbContextFactory<SqlServerAppDbContext>(options => options.UseSqlServer(
                    settings.ConnectionString,
                    sql => sql.EnableRetryOnFailure(3).MigrationsHistoryTable("__EFMigrationsHistory")));
                builder.Services.AddScoped<AppDbContext>(ForRequest<SqlServerAppDbContext>);
                break;
            case DatabaseProvider.Sqlite:
                var connectionString = SqliteConnectionString(settings, builder.Environment.ContentRootPath);
                builder.Services.AddPooledDbContextFactory<SqliteAppDbContext>(options => options.UseSqlite(connectionString, sqlite => sqlite.ExecutionStrategy(d => new SqliteRetryingExecutionStrategy(d))).AddInterceptors(SqliteConnectionSetup.Instance));
                builder.Services.AddScoped<AppDbContext>(ForRequest<SqliteAppDbContext>);
                builder.Services.AddSingleton(new SqliteDatabase(connectionString));
                builder.Services.AddSingleton<SqliteCheckpointer>();
                builder.Services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
                break;
        }
        return settings;
    }

    /// <summary>A pooled context for this request, attached to its caller (the DI scope returns it to the pool).</summary>
    static AppDbContext ForRequest<TContext>(IServiceProvider services) where TContext : AppDbContext
    {
        var db = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        db.AttachUser(services.GetRequiredService<CurrentUser>());
        return db;
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
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (settings.MigrateOnStartup ?? settings.Provider == DatabaseProvider.Sqlite)
            await db.Database.MigrateAsync();
        if (settings.Provider != DatabaseProvider.Sqlite) return;
        try
        {
            // WAL lets readers run beside the one writer; the mode is stored in the file, so once is enough.
            // (Busy waiting and durability are set per connection: SqliteConnectionSetup.)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        }
        catch (System.Data.Common.DbException e)
        {
            // The service still starts: requests answer 503 and /health/ready reports the database until it is back.
            app.Logger.LogWarning("The database is not reachable at start-up ({Error})", e.GetType().Name);
        }
    }
}

/// <summary>
/// Applies <see cref="SqliteDatabase.ApplyPragmas"/> to every connection EF Core opens (synchronously
/// in both cases: Microsoft.Data.Sqlite's async calls run synchronously anyway).
/// </summary>
sealed class SqliteConnectionSetup : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData) =>
        SqliteDatabase.ApplyPragmas(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SqliteDatabase.ApplyPragmas(connection);
        return Task.CompletedTask;
    }
}
