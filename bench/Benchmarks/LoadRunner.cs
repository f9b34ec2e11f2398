using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;

namespace Benchmarks;

/// <summary>Closed-loop load over loopback: each worker sends its next lookup when the last one answered.</summary>
static class LoadRunner
{
    public sealed record Result(string Name, int Concurrency, int Requests, double Seconds, double[] LatenciesMs)
    {
        public double Throughput => Requests / Seconds;
        public double Percentile(double p) => LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)Math.Ceiling(p * LatenciesMs.Length) - 1)];
    }

    public static async Task<Result> RunAsync(string name, Func<Func<int, Task>> workerOperation, int concurrency, int requests)
    {
        var latencies = new double[requests];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var operation = workerOperation();
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var start = Stopwatch.GetTimestamp();
                await operation(i);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })));
        total.Stop();
        Array.Sort(latencies);
        return new Result(name, concurrency, requests, total.Elapsed.TotalSeconds, latencies);
    }

    /// <summary>A message's participants: a known sender (primary), a known recipient (secondary), a stranger.</summary>
    public static string[] AddressesFor(int request, int clients)
    {
        var random = new Random(request);
        return [LookupSeeder.PrimaryOf(random.Next(clients)), LookupSeeder.SecondaryOf(random.Next(clients)), $"stranger{request}@example.net"];
    }

    public static Func<int, Task> HttpLookup(HttpClient http, int clients) => async i =>
    {
        using var content = new StringContent(
            "{\"addresses\":[\"" + string.Join("\",\"", AddressesFor(i, clients)) + "\"]}", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/api/lookup", content);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Lookup answered {(int)response.StatusCode}");
        var body = await response.Content.ReadFromJsonAsync<LookupBody>();
        if (body?.Results is not { Length: 3 } results || results[0].Matches.Length != 1 || results[1].Matches.Length != 1 || results[2].Matches.Length != 0)
            throw new InvalidOperationException("Lookup answered wrong matches.");
    };

    sealed record LookupBody(LookupEntry[] Results);
    sealed record LookupEntry(string Address, LookupMatch[] Matches);
    sealed record LookupMatch(Guid ClientId);
}
