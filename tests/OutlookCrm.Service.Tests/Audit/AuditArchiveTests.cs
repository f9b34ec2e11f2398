using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Audit;

/// <summary>A one-year retention and a clock the tests move: records become due for archiving.</summary>
public sealed class RetentionServiceFactory : ServiceFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public RetentionServiceFactory() => Settings["Audit:RetentionYears"] = "1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

/// <summary>
/// Archiving is the one way audit records leave: an admin downloads those older than the retention
/// period and removes exactly them by the file's SHA-256, in their own workspace, audited.
/// </summary>
[Trait("Database", "SqliteOnly")]
public class AuditArchiveTests(RetentionServiceFactory factory) : IClassFixture<RetentionServiceFactory>
{
    [Fact]
    public async Task Old_records_are_downloaded_then_removed_by_their_digest_and_nothing_else_leaves()
    {
        // Sessions sign in before the clock moves: development tokens carry the clock's time.
        var admin = await factory.SignInAsync();
        var staff = await factory.SignInAsync(admin.TenantId);
        var otherAdmin = await factory.SignInAsync();
        await admin.CreateClientAsync("Old", "Record", "old.record@example.com");
        await staff.LookupAsync("old.record@example.com");
        await otherAdmin.CreateClientAsync("Other", "Tenant");
        var otherBefore = await AuditTrailTests.AuditAsync(otherAdmin, "");

        factory.Clock.Advance(TimeSpan.FromDays(2 * 366));
        await admin.LookupAsync("old.record@example.com"); // within the retention period: stays

        var export = await admin.Http.GetAsync("/api/audit/archive");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var file = JsonNode.Parse(bytes)!;
        var through = file["throughSequence"]!.GetValue<long>();
        var archived = file["records"]!.AsArray();
        Assert.Contains(archived, r => r.Str("action") == "lookup" && r.Str("userId") == staff.UserId.ToString());
        Assert.All(archived, r => Assert.True(r!["sequence"]!.GetValue<long>() <= through));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));

        await Json.ProblemAsync(await admin.PostJsonAsync("/api/audit/archive", new { throughSequence = through, sha256 = new string('0', 64) }), 409, "archive-mismatch");
        await Json.ProblemAsync(await admin.PostJsonAsync("/api/audit/archive", new { throughSequence = through + 1_000_000, sha256 }), 409, "archive-not-due");
        await Json.ProblemAsync(await staff.PostJsonAsync("/api/audit/archive", new { throughSequence = through, sha256 }), 403, "admin-required");
        // The tenant's digest names its own records only: another admin cannot remove them.
        await Json.ProblemAsync(await otherAdmin.PostJsonAsync("/api/audit/archive", new { throughSequence = through, sha256 }), 409, "archive-mismatch");

        var result = await Json.ReadAsync(await admin.PostJsonAsync("/api/audit/archive", new { throughSequence = through, sha256 }), 200);
        Assert.Equal(archived.Count, result["recordCount"]!.GetValue<int>());
        Assert.Equal(sha256, result.Str("sha256"));

        var kept = await AuditTrailTests.AuditAsync(admin, "");
        Assert.All(kept, e => Assert.True(e["sequence"]!.GetValue<long>() > through));
        Assert.Contains(kept, e => e.Str("action") == "lookup" && e.Str("userId") == admin.UserId.ToString());
        Assert.Contains(kept, e => e.Str("action") == "audit.export" && e.Str("outcome") == "success");
        Assert.Contains(kept, e => e.Str("action") == "audit.archive" && e.Str("outcome") == "success");
        Assert.Contains(kept, e => e.Str("action") == "audit.archive" && e.Str("outcome") == "archive-mismatch");
        await Json.ProblemAsync(await admin.PostJsonAsync("/api/audit/archive", new { throughSequence = through, sha256 }), 409, "nothing-to-archive");

        // The other workspace lost nothing, and the database still refuses any deletion no archive covers.
        var otherAfter = await AuditTrailTests.AuditAsync(otherAdmin, "");
        Assert.Equal(otherBefore.Select(e => e["sequence"]!.GetValue<long>()), otherAfter.Select(e => e["sequence"]!.GetValue<long>()).TakeLast(otherBefore.Count));
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM AuditRecords";
        var error = await Assert.ThrowsAsync<SqliteException>(() => delete.ExecuteNonQueryAsync());
        Assert.Contains("append-only", error.Message);
        delete.CommandText = "DELETE FROM AuditArchives";
        Assert.Contains("append-only", (await Assert.ThrowsAsync<SqliteException>(() => delete.ExecuteNonQueryAsync())).Message);
    }

    [Fact]
    public async Task An_archive_request_is_validated()
    {
        var admin = await factory.SignInAsync();
        await admin.Http.GetAsync("/api/me");
        var problem = await Json.ProblemAsync(await admin.PostJsonAsync("/api/audit/archive", new { throughSequence = 0, sha256 = "not-a-digest" }), 400, "validation-failed");
        Assert.NotNull(problem["errors"]!["throughSequence"]);
        Assert.NotNull(problem["errors"]!["sha256"]);
        await Json.ProblemAsync(await admin.SendRawAsync(HttpMethod.Post, "/api/audit/archive", "{\"throughSequence\":"), 400, "malformed-json");
    }
}

/// <summary>Without a retention setting audit records are kept forever: nothing is due.</summary>
public class AuditKeptForeverTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Archiving_is_refused_when_no_retention_is_set()
    {
        var admin = await factory.SignInAsync();
        await admin.Http.GetAsync("/api/me");
        await Json.ProblemAsync(await admin.Http.GetAsync("/api/audit/archive"), 409, "audit-retention-off");
        await Json.ProblemAsync(await admin.PostJsonAsync("/api/audit/archive", new { throughSequence = 1, sha256 = new string('a', 64) }), 409, "audit-retention-off");
    }
}
