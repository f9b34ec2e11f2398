using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Web;
using Moq;
using OutlookCrm.Service.Tests.Support;

namespace Benchmarks;

/// <summary>
/// Saving an email with 10 MB of attachments (4 files of 2.5 MB, new content each time): the real
/// service pipeline in process (Release, SQLite, local attachment folder) reading them from the fake
/// Graph over loopback, as the service tests do. Baselines in the same run: the same save of an email
/// without attachments, and the floor: fetching the same 10 MB from the fake Graph, hashing it and
/// writing it to a file, with nothing of the service in between.
/// </summary>
static class AttachmentSaveBenchmark
{
    const int Files = 4;
    const int FileBytes = 2_500_000;

    public static async Task RunAsync(Options options)
    {
        var directory = Path.GetFullPath(options.DataDirectory);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        await using var graph = await FakeGraphServer.StartAsync();
        await using var service = new BenchService(graph.BaseUrl, directory);
        using var http = service.CreateClient();
        var token = await http.PostAsJsonAsync("/dev/token", new { tenantId = Guid.NewGuid(), userId = Guid.NewGuid(), name = "Benchmark", email = "bench@example.com" });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
        var client = (await (await http.PostAsJsonAsync("/api/clients", new { firstName = "Ana", lastName = "Souza", email = "ana@example.com" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        using var raw = new HttpClient();

        var runs = Math.Clamp(options.Requests, 3, 50);
        var with = new List<double>();
        var without = new List<double>();
        var floor = new List<double>();
        for (var i = -1; i < runs; i++) // the first round warms up and is not counted
        {
            var message = NewMessage(graph, withAttachments: true);
            var plain = NewMessage(graph, withAttachments: false);
            var saved = await TimeAsync(() => SaveAsync(http, client, message));
            var bare = await TimeAsync(() => SaveAsync(http, client, plain));
            var copied = await TimeAsync(() => FloorAsync(raw, graph, message, directory));
            if (i < 0) continue;
            with.Add(saved);
            without.Add(bare);
            floor.Add(copied);
        }

        double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        Console.WriteLine($"\n{runs} saves each, medians:");
        Console.WriteLine("| measurement | median (ms) | max (ms) |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| save with 10 MB of attachments (4 × 2.5 MB) | {Median(with):F0} | {with.Max():F0} |");
        Console.WriteLine($"| save without attachments (baseline) | {Median(without):F0} | {without.Max():F0} |");
        Console.WriteLine($"| floor: fetch 10 MB from the fake Graph, hash, write (baseline) | {Median(floor):F0} | {floor.Max():F0} |");
        Console.WriteLine($"\nRatio to the floor: {Median(with) / Median(floor):F1}×; to a save without attachments: {Median(with) / Median(without):F1}×");
        Console.WriteLine($"Target (a save with 10 MB of attachments under 2 s): {(Median(with) < 2000 ? "met" : "NOT met")} (median {Median(with):F0} ms)");
    }

    static JsonObject NewMessage(FakeGraphServer graph, bool withAttachments)
    {
        var id = Guid.NewGuid().ToString("N");
        var message = graph.AddMessage(id, "ana@example.com", ["clinic@example.com"], DateTime.UtcNow, "Scans", $"<{id}@bench.example.com>");
        if (withAttachments)
            for (var f = 0; f < Files; f++) graph.AddAttachment(message, $"scan-{f}.pdf", RandomNumberGenerator.GetBytes(FileBytes));
        return message;
    }

    static async Task SaveAsync(HttpClient http, string client, JsonObject message)
    {
        var response = await http.PostAsJsonAsync($"/api/clients/{client}/saved-emails", new
        {
            internetMessageId = message["internetMessageId"]!.GetValue<string>(),
            subject = "Scans",
            from = new { address = "ana@example.com" },
            sentAt = DateTime.UtcNow,
        });
        var body = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        if (body!["attachments"]!.AsArray().Any(a => a!["skipReason"] is not null)) throw new InvalidOperationException("An attachment was skipped.");
    }

    static async Task FloorAsync(HttpClient raw, FakeGraphServer graph, JsonObject message, string directory)
    {
        var messageId = message["id"]!.GetValue<string>();
        var list = await raw.GetFromJsonAsync<JsonObject>($"{graph.BaseUrl}/me/messages/{messageId}/attachments");
        foreach (var attachment in list!["value"]!.AsArray())
        {
            await using var content = await raw.GetStreamAsync($"{graph.BaseUrl}/me/messages/{messageId}/attachments/{attachment!["id"]!.GetValue<string>()}/$value");
            var path = Path.Combine(directory, "floor.tmp");
            await using var file = File.Create(path);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read));
            }
            hash.GetHashAndReset();
        }
    }

    static async Task<double> TimeAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>The service on Graph (the fake), with token acquisition answered locally as in the service tests.</summary>
    /// (Any type of the service's assembly names its entry point; its own Program clashes with this one's.)
    sealed class BenchService(string graphBaseUrl, string directory) : WebApplicationFactory<OutlookCrm.Service.Infrastructure.WriteUnit>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSolutionRelativeContentRoot("service");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataDirectory", directory);
            builder.UseSetting("Mailbox:Source", "Graph");
            builder.UseSetting("Mailbox:GraphBaseUrl", graphBaseUrl);
            builder.UseSetting("Pane:DistPath", Path.Combine(directory, "no-pane"));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("RateLimits:UserPermitsPerMinute", "100000000");
            var tokens = new Mock<ITokenAcquisition>();
            tokens.Setup(t => t.GetAccessTokenForUserAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<ClaimsPrincipal?>(), It.IsAny<TokenAcquisitionOptions?>()))
                .ReturnsAsync("bench-graph-token");
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(tokens.Object)));
        }
    }
}
