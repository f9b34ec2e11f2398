using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Tests.Audit;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Infrastructure;

/// <summary>
/// Every test of this suite runs with a retrying execution strategy (as SQL Server's
/// EnableRetryOnFailure is), so a transaction opened outside the write unit fails whichever test
/// reaches it; these tests prove the guard is on and that a retried unit is done exactly once.
/// </summary>
[Trait("Database", "SqliteOnly")]
public class WriteUnitTests
{
    [Fact]
    public void The_embedded_database_retries_and_so_refuses_transactions_outside_the_strategy()
    {
        using var factory = new ServiceFactory();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(db.Database.CreateExecutionStrategy().RetriesOnFailure);

        using var transaction = db.Database.BeginTransaction();
        var refusal = Assert.Throws<InvalidOperationException>(() => db.Clients.Any());
        Assert.Contains("does not support user-initiated transactions", refusal.Message);
    }

    [Fact]
    public async Task A_unit_that_meets_a_busy_database_runs_again_from_the_start_and_takes_effect_once()
    {
        using var factory = new BusyOnceFactory();
        var session = await factory.SignInAsync();

        var created = await session.CreateClientAsync("Rita", "Busy", "rita.busy@example.com");

        Assert.Equal(1, factory.Failures);
        Assert.Single((await session.LookupAsync("rita.busy@example.com"))["results"]![0]!["matches"]!.AsArray());
        var history = await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{created.Id()}/history"), 200);
        Assert.Equal(["created"], history["items"]!.AsArray().Select(i => i!["event"]!.Str("type")));
        var audit = await AuditTrailTests.AuditAsync(session, "?action=client.create");
        Assert.Equal(["client.create:success"], audit.Select(e => $"{e.Str("action")}:{e.Str("outcome")}"));
    }

    /// <summary>The first INSERT of a client fails as if another process held the file past busy_timeout.</summary>
    sealed class BusyOnceFactory : ServiceFactory
    {
        readonly BusyOnce interceptor = new();
        public int Failures => interceptor.Failures;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(interceptor)));
        }
    }

    sealed class BusyOnce : DbCommandInterceptor
    {
        public int Failures;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("INSERT INTO \"Clients\"", StringComparison.Ordinal) && Interlocked.CompareExchange(ref Failures, 1, 0) == 0
                ? throw new SqliteException("database is locked", 5)
                : ValueTask.FromResult(result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("INSERT INTO \"Clients\"", StringComparison.Ordinal) && Interlocked.CompareExchange(ref Failures, 1, 0) == 0
                ? throw new SqliteException("database is locked", 5)
                : ValueTask.FromResult(result);
    }
}
