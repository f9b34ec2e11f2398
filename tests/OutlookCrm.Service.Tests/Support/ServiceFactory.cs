using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace OutlookCrm.Service.Tests.Support;

/// <summary>
/// The real service in Development configuration, on its own SQLite file, or on its own SQL Server
/// database when OUTLOOKCRM_TEST_SQLSERVER is set (docs/sqlserver.md). Tests share one per class
/// and isolate their data by signing in as a tenant of their own.
/// </summary>
public class ServiceFactory : WebApplicationFactory<Program>
{
    readonly string directory = Path.Combine(Path.GetTempPath(), "outlookcrm-tests", Guid.NewGuid().ToString("N"));

    readonly SqlServerTestDatabase? sqlServer = SqlServerTestDatabase.FromEnvironment();

    /// <summary>The SQLite file, for tests marked <c>[Trait("Database", "SqliteOnly")]</c>, which the SQL Server pass leaves out.</summary>
    public string DatabasePath => sqlServer is null
        ? Path.Combine(directory, "outlookcrm.db")
        : throw new InvalidOperationException($"{SqlServerTestDatabase.Variable} is set: run with --filter \"Database!=SqliteOnly\".");

    bool started;

    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(directory);
        builder.UseEnvironment("Development");
        if (sqlServer is null)
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataDirectory", directory);
        }
        else
        {
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("Database:ConnectionString", sqlServer.ConnectionString);
            builder.UseSetting("Database:MigrateOnStartup", "true");
        }
        builder.UseSetting("Pane:DistPath", Path.Combine(directory, "no-pane"));
        // Tests sign in and call fast; the limits themselves are tested with low values in RateLimitTests.
        builder.UseSetting("RateLimits:AnonymousPermitsPerMinute", "1000000");
        builder.UseSetting("RateLimits:UserPermitsPerMinute", "1000000");
        builder.UseSetting("RateLimits:TenantPermitsPerMinute", "1000000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        started = true;
        return host;
    }

    public async Task<TenantSession> SignInAsync(Guid? tenantId = null, Guid? userId = null, string name = "Test Practitioner", string email = "practitioner@example.com")
    {
        var session = new TenantSession(this, tenantId ?? Guid.NewGuid(), userId ?? Guid.NewGuid());
        await session.AuthenticateAsync(name, email);
        return session;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && sqlServer is not null)
        {
            try { sqlServer.Drop(); }
            // A service that never started has already failed its test; the reason is that failure, not this one.
            catch (SqlException) when (!started) { }
        }
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
