namespace Benchmarks;

static class Report
{
    public static void Line(LoadRunner.Result r) =>
        Console.WriteLine($"  {r.Name,-22} c={r.Concurrency,-3} {r.Throughput,8:N0} req/s  p50 {r.Percentile(0.50):F3} ms  p99 {r.Percentile(0.99):F3} ms  max {r.LatenciesMs[^1]:F2} ms");

    public static void Table(IEnumerable<LoadRunner.Result> results)
    {
        Console.WriteLine();
        Console.WriteLine("| measurement | concurrency | requests | throughput (req/s) | p50 (ms) | p99 (ms) | max (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Name} | {r.Concurrency} | {r.Requests:N0} | {r.Throughput:N0} | {r.Percentile(0.50):F3} | {r.Percentile(0.99):F3} | {r.LatenciesMs[^1]:F2} |");
    }

    /// <summary>A latency and a throughput target, met only if one run meets both at the same load.</summary>
    public static void Verdict(IReadOnlyCollection<LoadRunner.Result> runs, double maxP99Ms, double minThroughput)
    {
        var meeting = runs.Where(r => r.Percentile(0.99) < maxP99Ms && r.Throughput >= minThroughput).Select(r => $"c={r.Concurrency}").ToList();
        var target = $"p99 < {maxP99Ms} ms and >= {minThroughput:N0} req/s in the same run";
        Console.WriteLine(meeting.Count > 0 ? $"\nTarget ({target}): met at {string.Join(", ", meeting)}" : $"\nTarget ({target}): NOT met");
    }
}
