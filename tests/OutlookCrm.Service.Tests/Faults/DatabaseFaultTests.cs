using System.Net;
using Microsoft.AspNetCore.Hosting;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Faults;

public class DatabaseFaultTests
{
    /// <summary>A service whose database cannot be opened (its folder does not exist).</summary>
    sealed class UnreachableDatabaseFactory : ServiceFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(Path.GetTempPath(), "outlookcrm-missing", Guid.NewGuid().ToString("N"), "gone.db")};Mode=ReadWrite");
            builder.UseSetting("Database:MigrateOnStartup", "false");
        }
    }

    [Fact]
    [Trait("Database", "SqliteOnly")] // unreachable means a SQLite file that cannot be opened
    public async Task An_unreachable_database_is_503_with_retry_after_and_no_stack_trace()
    {
        using var factory = new UnreachableDatabaseFactory();
        var session = await factory.SignInAsync();

        foreach (var call in new Func<Task<HttpResponseMessage>>[]
        {
            () => session.Http.GetAsync("/api/me"),
            () => session.LookupAsyncRaw("a@example.com"),
            () => session.PostJsonAsync("/api/clients", new { firstName = "Ana" }),
        })
        {
            var response = await call();
            var problem = await Json.ProblemAsync(response, 503, "unavailable");
            Assert.True(response.Headers.RetryAfter is not null);
            var body = problem.ToJsonString();
            Assert.DoesNotContain("Exception", body);
            Assert.DoesNotContain(" at ", body);
            Assert.DoesNotContain("gone.db", body);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await factory.CreateClient().GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Fifty_parallel_writers_all_succeed_and_nothing_is_lost()
    {
        using var factory = new ServiceFactory();
        var session = await factory.SignInAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            session.PostJsonAsync("/api/clients", new { firstName = $"Writer{i}", lastName = "Parallel", email = $"writer{i}@example.com" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var lookup = await session.LookupAsync(Enumerable.Range(0, 50).Select(i => $"writer{i}@example.com").ToArray());
        Assert.All(lookup["results"]!.AsArray(), r => Assert.Single(r!["matches"]!.AsArray()));
    }
}
