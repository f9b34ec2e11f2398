using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LookupBenchmark;

// Seeds N clients (primary + secondary email each), starts the real service on 127.0.0.1 on that
// file (Development auth: the same RS256 JWT validation path as production), and measures
// POST /api/lookup over loopback, plus the same lookup straight on the database file as the floor.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args);
var dataDirectory = Path.GetFullPath(options.DataDirectory);
var databasePath = Path.Combine(dataDirectory, "outlookcrm.db");
var tenantId = Guid.Parse("0b5e7c1a-0000-4000-8000-00000000b001");

Directory.CreateDirectory(dataDirectory);
if (!File.Exists(databasePath) || options.Reseed)
{
    foreach (var file in Directory.GetFiles(dataDirectory, "outlookcrm.db*")) File.Delete(file);
    Console.WriteLine($"Seeding {options.Clients:N0} clients into {databasePath}");
    await Seeder.SeedAsync(databasePath, tenantId, options.Clients);
}
else Console.WriteLine($"Reusing {databasePath} (pass --reseed to rebuild)");

var results = new List<LoadRunner.Result>();
var workspaceId = DatabaseFloor.WorkspaceOf(databasePath, tenantId);
Console.WriteLine("Database floor (prepared statements, same two index seeks):");
foreach (var concurrency in new[] { 1, 2 })
{
    var floors = new System.Collections.Concurrent.ConcurrentBag<DatabaseFloor>();
    await LoadRunner.RunAsync("warm-up", () => { var f = new DatabaseFloor(databasePath, workspaceId); floors.Add(f); return i => f.LookupAsync(i, options.Clients); }, concurrency, 2_000);
    var result = await LoadRunner.RunAsync("database floor", () => { var f = new DatabaseFloor(databasePath, workspaceId); floors.Add(f); return i => f.LookupAsync(i + 1_000_000, options.Clients); }, concurrency, options.Requests);
    foreach (var floor in floors) floor.Dispose();
    Report(result);
    results.Add(result);
}

using var service = StartService(Path.GetFullPath(options.ServiceDll), dataDirectory, options.Port);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri($"http://127.0.0.1:{options.Port}") };
await WaitUntilReadyAsync(http);
var token = await http.PostAsJsonAsync("/dev/token", new { tenantId, userId = Guid.NewGuid(), name = "Benchmark", email = "bench@example.com" });
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken);

Console.WriteLine("POST /api/lookup over loopback with a bearer token (3 addresses per request):");
await LoadRunner.RunAsync("warm-up", () => LoadRunner.HttpLookup(http, options.Clients), 4, 5_000);
// Where the time goes: the HTTP stack alone, then with token validation and workspace resolution.
foreach (var (name, url) in new[] { ("http health", "/health/live"), ("http me (auth)", "/api/me") })
{
    var result = await LoadRunner.RunAsync(name, () => async _ => (await http.GetAsync(url)).EnsureSuccessStatusCode().Dispose(), 1, options.Requests);
    Report(result);
    results.Add(result);
}
foreach (var concurrency in options.Concurrency)
{
    var result = await LoadRunner.RunAsync("http lookup", () => LoadRunner.HttpLookup(http, options.Clients), concurrency, options.Requests);
    Report(result);
    results.Add(result);
}
service.Kill(entireProcessTree: true);

Console.WriteLine();
Console.WriteLine("| measurement | concurrency | requests | throughput (req/s) | p50 (ms) | p99 (ms) | max (ms) |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var r in results)
    Console.WriteLine($"| {r.Name} | {r.Concurrency} | {r.Requests:N0} | {r.Throughput:N0} | {r.Percentile(0.50):F3} | {r.Percentile(0.99):F3} | {r.LatenciesMs[^1]:F2} |");

static void Report(LoadRunner.Result r) =>
    Console.WriteLine($"  {r.Name,-15} c={r.Concurrency,-3} {r.Throughput,8:N0} req/s  p50 {r.Percentile(0.50):F3} ms  p99 {r.Percentile(0.99):F3} ms  max {r.LatenciesMs[^1]:F2} ms");

static Process StartService(string dll, string dataDirectory, int port)
{
    var start = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
    start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
    start.Environment["Database__DataDirectory"] = dataDirectory;
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  service: " + e.Data); };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitUntilReadyAsync(HttpClient http)
{
    var deadline = DateTime.UtcNow.AddSeconds(60);
    while (true)
    {
        try
        {
            if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
        }
        catch (HttpRequestException) when (DateTime.UtcNow < deadline) { }
        if (DateTime.UtcNow > deadline) throw new TimeoutException("The service did not become ready.");
        await Task.Delay(200);
    }
}

sealed record TokenBody(string AccessToken);

sealed record Options(int Clients, int Requests, int[] Concurrency, string DataDirectory, string ServiceDll, int Port, bool Reseed)
{
    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        return new Options(
            int.Parse(Value("--clients", "1000000")),
            int.Parse(Value("--requests", "20000")),
            Value("--concurrency", "1,4,16").Split(',').Select(int.Parse).ToArray(),
            Value("--data", "artifacts/bench-data"),
            Value("--service", "service/bin/Release/net10.0/OutlookCrm.Service.dll"),
            int.Parse(Value("--port", "5199")),
            args.Contains("--reseed"));
    }
}
