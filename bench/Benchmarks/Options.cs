namespace Benchmarks;

sealed record Options(string Benchmark, int Clients, int Items, int Requests, int[] Concurrency, string DataDirectory, string ServiceDll, int Port, bool Reseed)
{
    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var benchmark = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "lookup";
        return new Options(
            benchmark,
            int.Parse(Value("--clients", "1000000")),
            int.Parse(Value("--items", "10000")),
            int.Parse(Value("--requests", benchmark switch { "history" => "2000", "attachments" => "10", _ => "50000" })),
            Value("--concurrency", benchmark == "history" ? "1,4" : "1,4,8,16").Split(',').Select(int.Parse).ToArray(),
            // seed prepares the lookup benchmark's file.
            Value("--data", $"artifacts/bench-{(benchmark == "seed" ? "lookup" : benchmark)}"),
            Value("--service", "service/bin/Release/net10.0/OutlookCrm.Service.dll"),
            int.Parse(Value("--port", "5199")),
            args.Contains("--reseed"));
    }
}
