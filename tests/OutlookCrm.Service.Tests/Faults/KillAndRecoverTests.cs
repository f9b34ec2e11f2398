using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Faults;

[Trait("Database", "SqliteOnly")]
public class KillAndRecoverTests
{
    [Fact]
    public async Task A_process_killed_mid_write_leaves_a_sound_database_with_every_acknowledged_write()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "outlookcrm-tests", "kill-" + Guid.NewGuid().ToString("N"));
        var tenant = Guid.NewGuid();
        var acknowledged = new ConcurrentBag<string>();

        using (var service = await ServiceProcess.StartAsync(dataDirectory))
        {
            using var http = await service.SignedInClientAsync(tenant, User);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var email = $"w{w}.n{i}@example.com";
                    try
                    {
                        var response = await http.PostAsJsonAsync("/api/clients", new { firstName = $"W{w}", lastName = $"N{i}", email }, stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created) acknowledged.Add(email);
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException) { return; }
                }
            })).ToList();

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (acknowledged.Count < 200 && DateTime.UtcNow < deadline) await Task.Delay(20);
            service.Kill(); // writes are in flight
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }
        Assert.True(acknowledged.Count >= 200, $"only {acknowledged.Count} writes before the kill");

        using (var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "outlookcrm.db")}"))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)check.ExecuteScalar());
        }
        SqliteConnection.ClearAllPools();

        using (var restarted = await ServiceProcess.StartAsync(dataDirectory))
        {
            using var http = await restarted.SignedInClientAsync(tenant, User);
            foreach (var batch in acknowledged.Chunk(50))
            {
                var response = await http.PostAsJsonAsync("/api/lookup", new { addresses = batch });
                var results = (await Json.ReadAsync(response, 200))["results"]!.AsArray();
                Assert.All(results, r => Assert.Single(r!["matches"]!.AsArray()));
            }
        }
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    static readonly Guid User = Guid.Parse("5e1f0000-0000-4000-8000-000000000001");
}
