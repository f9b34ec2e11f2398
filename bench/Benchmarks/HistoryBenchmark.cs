using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Benchmarks;

/// <summary>
/// GET /api/clients/{id}/history for a client with N saved emails and events: the first page, and a
/// page deep in the history through its cursor. Development mode, so the mailbox source is
/// not-connected and the numbers are the database part of the page.
/// </summary>
static class HistoryBenchmark
{
    static readonly Guid TenantId = Guid.Parse("0b5e7c1a-0000-4000-8000-00000000b002");

    public static async Task RunAsync(Options options)
    {
        var directory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(directory, "outlookcrm.db*")) File.Delete(file);
        var client = await HistorySeeder.SeedAsync(Path.Combine(directory, "outlookcrm.db"), TenantId, options.Items);

        using var service = await ServiceHost.StartAsync(options.ServiceDll, directory, options.Port);
        await service.SignInAsync(TenantId);
        var first = $"/api/clients/{client}/history?limit=25";
        // Halfway through the client's history: 200 pages deep for the default 10,000 items.
        var deepPages = Math.Max(1, options.Items / 25 / 2);
        var deep = await CursorAfterAsync(service.Http, client, deepPages);

        var results = new List<LoadRunner.Result>();
        await LoadRunner.RunAsync("warm-up", () => Get(service.Http, first), 2, 500);
        foreach (var concurrency in options.Concurrency)
        {
            foreach (var (name, url) in new[] { ("history first page", first), ($"history page {deepPages + 1}", deep) })
            {
                var result = await LoadRunner.RunAsync(name, () => Get(service.Http, url), concurrency, options.Requests);
                Report.Line(result);
                results.Add(result);
            }
        }
        Report.Table(results);
        Console.WriteLine($"\nService resident memory after the run: {service.ResidentMiB:F0} MiB");
    }

    static Func<int, Task> Get(HttpClient http, string url) => async _ =>
    {
        using var response = await http.GetAsync(url);
        var page = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        if (page!["items"]!.AsArray().Count != 25) throw new InvalidOperationException("A history page should hold 25 items.");
    };

    static async Task<string> CursorAfterAsync(HttpClient http, Guid client, int pages)
    {
        string? cursor = null;
        for (var i = 0; i < pages; i++)
        {
            var page = await http.GetFromJsonAsync<JsonObject>($"/api/clients/{client}/history?limit=25" + (cursor is null ? "" : "&cursor=" + cursor));
            cursor = page!["nextCursor"]!.GetValue<string>();
        }
        return $"/api/clients/{client}/history?limit=25&cursor={cursor}";
    }
}
