using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Audit;

public static class AuditSetup
{
    /// <summary>The embedded database gets its prepared-statement store; other providers EF Core's batching.</summary>
    public static void AddAuditTrail(this IServiceCollection services, DatabaseSettings database, IConfiguration configuration)
    {
        var settings = configuration.GetSection(AuditSettings.Section).Get<AuditSettings>() ?? new AuditSettings();
        settings.Validate();
        services.AddSingleton(settings);
        if (database.Provider == DatabaseProvider.Sqlite) services.AddSingleton<IAuditStore, SqliteAuditStore>();
        else services.AddSingleton<IAuditStore, EfAuditStore>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<AuditWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
    }
}
