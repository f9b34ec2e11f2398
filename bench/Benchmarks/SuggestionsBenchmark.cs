using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Benchmarks;

/// <summary>
/// POST /api/suggestions at N clients, three unknown participants per call (a client's name from a new
/// address, the same written surname first, a stranger at a family domain), against POST /api/lookup of
/// the same three addresses in the same run: the baseline the ratio is reported against.
/// </summary>
static class SuggestionsBenchmark
{
    static readonly Guid TenantId = Guid.Parse("0b5e7c1a-0000-4000-8000-00000000b003");

    public static async Task RunAsync(Options options)
    {
        var directory = Path.GetFullPath(options.DataDirectory);
        var databasePath = Path.Combine(directory, "outlookcrm.db");
        Directory.CreateDirectory(directory);
        if (!File.Exists(databasePath) || options.Reseed)
        {
            foreach (var file in Directory.GetFiles(directory, "outlookcrm.db*")) File.Delete(file);
            Console.WriteLine($"Seeding {options.Clients:N0} clients into {databasePath}");
            await SuggestionsSeeder.SeedAsync(databasePath, TenantId, options.Clients);
        }

        using var service = await ServiceHost.StartAsync(options.ServiceDll, directory, options.Port);
        await service.SignInAsync(TenantId);
        await LoadRunner.RunAsync("warm-up", () => Suggest(service.Http, options.Clients), 4, 2_000);
        var results = new List<LoadRunner.Result>();
        foreach (var concurrency in options.Concurrency)
        {
            // Interleaved, so both see the same machine.
            var lookup = await LoadRunner.RunAsync("POST /api/lookup (baseline)", () => Lookup(service.Http, options.Clients), concurrency, options.Requests);
            var suggest = await LoadRunner.RunAsync("POST /api/suggestions", () => Suggest(service.Http, options.Clients), concurrency, options.Requests);
            Report.Line(lookup);
            Report.Line(suggest);
            Console.WriteLine($"  p99 ratio suggestions / lookup at {concurrency}: {suggest.Percentile(0.99) / lookup.Percentile(0.99):F2}");
            results.AddRange([lookup, suggest]);
        }
        Report.Table(results);
        Report.Verdict(results.Where(r => r.Name == "POST /api/suggestions").ToList(), maxP99Ms: 20, minThroughput: 0);
    }

    static (string Address, string Name)[] ParticipantsFor(int request, int clients)
    {
        var random = new Random(request);
        var (first, last) = SuggestionsSeeder.NameOf(random.Next(clients));
        var (first2, last2) = SuggestionsSeeder.NameOf(random.Next(clients));
        var family = SuggestionsSeeder.FamilyDomainOf(random.Next(clients / 20) * 20)!;
        return [($"new{request}@example.net", $"{first} {last}"), ($"other{request}@example.net", $"{last2} {first2}"), ($"stranger{request}@{family}", "Stranger Person")];
    }

    static Func<int, Task> Suggest(HttpClient http, int clients) => async i =>
    {
        var participants = ParticipantsFor(i, clients).Select(p => new { address = p.Address, displayName = p.Name });
        using var response = await http.PostAsJsonAsync("/api/suggestions", new { participants });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Suggestions answered {(int)response.StatusCode}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var results = body.RootElement.GetProperty("results");
        if (results.GetArrayLength() != 3 || results.EnumerateArray().Any(r => r.GetProperty("suggestions").GetArrayLength() == 0))
            throw new InvalidOperationException("Every participant should have had a suggestion.");
    };

    static Func<int, Task> Lookup(HttpClient http, int clients) => async i =>
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { addresses = ParticipantsFor(i, clients).Select(p => p.Address) }), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/api/lookup", content);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Lookup answered {(int)response.StatusCode}");
    };
}
