using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace OutlookCrm.Service.Tests.Support;

/// <summary>
/// The real service in Development configuration, on its own SQLite file. Tests share one per class
/// and isolate their data by signing in as a tenant of their own.
/// </summary>
public class ServiceFactory : WebApplicationFactory<Program>
{
    readonly string directory = Path.Combine(Path.GetTempPath(), "outlookcrm-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(directory, "outlookcrm.db");

    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(directory);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDirectory", directory);
        builder.UseSetting("Pane:DistPath", Path.Combine(directory, "no-pane"));
        // Tests sign in and call fast; the limits themselves are tested with low values in RateLimitTests.
        builder.UseSetting("RateLimits:AnonymousPermitsPerMinute", "1000000");
        builder.UseSetting("RateLimits:UserPermitsPerMinute", "1000000");
        builder.UseSetting("RateLimits:TenantPermitsPerMinute", "1000000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
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
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
