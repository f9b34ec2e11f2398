using System.Data.Common;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace OutlookCrm.Service.Infrastructure;

/// <summary>
/// Loads the Data Protection key ring before the instance serves, creating the first key if there is
/// none, under EF Core's migrations lock (a row in __EFMigrationsLock on SQLite, sp_getapplock on SQL
/// Server). Instances that start together would otherwise each find no key, each create one with
/// immediate activation and protect with it; once Data Protection's two-minute "reload on an unknown
/// key" window is over, each refuses the other's cursors and intake forms until its next key-ring
/// refresh, about a day later. Under the lock the later instance finds the earlier one's key.
/// Later keys are created days before they activate, so every instance has them in time.
/// </summary>
public static class DataProtectionKeyRing
{
    public static async Task LoadDataProtectionKeyRingAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            await db.Database.OpenConnectionAsync(); // SQL Server's lock belongs to this session
            await using (await db.GetService<IHistoryRepository>().AcquireDatabaseLockAsync())
                app.Services.GetRequiredService<IKeyRingProvider>().GetCurrentKeyRing();
        }
        catch (Exception e) when (e is DbException or RetryLimitExceededException)
        {
            // As with migrations: the service still starts and reports the database; the ring loads on first use.
            app.Logger.LogWarning("The Data Protection key ring could not be loaded at start-up ({Error})", e.GetType().Name);
        }
    }
}
