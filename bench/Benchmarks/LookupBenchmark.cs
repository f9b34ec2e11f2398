namespace Benchmarks;

/// <summary>
/// Seeds N clients (primary + secondary email each), then measures POST /api/lookup over loopback
/// with a bearer token (Development auth: the same RS256 JWT validation path as production), next
/// to the same two index seeks done straight on the database file: the floor.
/// </summary>
static class LookupBenchmark
{
    public static readonly Guid TenantId = Guid.Parse("0b5e7c1a-0000-4000-8000-00000000b001");

    public static async Task RunAsync(Options options)
    {
        var databasePath = await SeedIfNeededAsync(options);
        var results = new List<LoadRunner.Result>();

        var workspaceId = DatabaseFloor.WorkspaceOf(databasePath, TenantId);
        Console.WriteLine("Database floor (prepared statements, same two index seeks):");
        foreach (var concurrency in new[] { 1, 2 })
        {
            var floors = new System.Collections.Concurrent.ConcurrentBag<DatabaseFloor>();
            Func<Func<int, Task>> worker(int offset) => () =>
            {
                var floor = new DatabaseFloor(databasePath, workspaceId);
                floors.Add(floor);
                return i => floor.LookupAsync(i + offset, options.Clients);
            };
            await LoadRunner.RunAsync("warm-up", worker(0), concurrency, 2_000);
            var result = await LoadRunner.RunAsync("database floor", worker(1_000_000), concurrency, options.Requests);
            foreach (var floor in floors) floor.Dispose();
            Report.Line(result);
            results.Add(result);
        }

        using var service = await ServiceHost.StartAsync(options.ServiceDll, Path.GetDirectoryName(databasePath)!, options.Port);
        await service.SignInAsync(TenantId);
        Console.WriteLine("Over loopback with a bearer token:");
        await LoadRunner.RunAsync("warm-up", () => LoadRunner.HttpLookup(service.Http, options.Clients), 4, 5_000);
        // Where the time goes: the HTTP stack alone, then with token validation and workspace resolution.
        foreach (var (name, url) in new[] { ("GET /health/live", "/health/live"), ("GET /api/me (auth)", "/api/me") })
        {
            var result = await LoadRunner.RunAsync(name, () => async _ => (await service.Http.GetAsync(url)).EnsureSuccessStatusCode().Dispose(), 1, options.Requests);
            Report.Line(result);
            results.Add(result);
        }
        foreach (var concurrency in options.Concurrency)
        {
            var result = await LoadRunner.RunAsync("POST /api/lookup", () => LoadRunner.HttpLookup(service.Http, options.Clients), concurrency, options.Requests);
            Report.Line(result);
            results.Add(result);
        }
        Report.Table(results);
        Report.Verdict(results.Where(r => r.Name == "POST /api/lookup").ToList(), maxP99Ms: 5, minThroughput: 3_000);
        Console.WriteLine($"\nService resident memory after the run: {service.ResidentMiB:F0} MiB");
    }

    /// <summary>The seeded database file's path (seeded now unless it exists and --reseed was not given).</summary>
    public static async Task<string> SeedIfNeededAsync(Options options)
    {
        var directory = Path.GetFullPath(options.DataDirectory);
        var databasePath = Path.Combine(directory, "outlookcrm.db");
        Directory.CreateDirectory(directory);
        if (File.Exists(databasePath) && !options.Reseed)
        {
            Console.WriteLine($"Reusing {databasePath} (pass --reseed to rebuild)");
            return databasePath;
        }
        foreach (var file in Directory.GetFiles(directory, "outlookcrm.db*")) File.Delete(file);
        Console.WriteLine($"Seeding {options.Clients:N0} clients into {databasePath}");
        await LookupSeeder.SeedAsync(databasePath, TenantId, options.Clients);
        return databasePath;
    }
}
