using System.Globalization;
using Benchmarks;

// dotnet run --project bench/Benchmarks -c Release -- lookup|history|suggestions [--options]; see bench/README.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args);
switch (options.Benchmark)
{
    case "lookup": await LookupBenchmark.RunAsync(options); break;
    case "history": await HistoryBenchmark.RunAsync(options); break;
    case "suggestions": await SuggestionsBenchmark.RunAsync(options); break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{options.Benchmark}': use lookup, history or suggestions.");
        return 2;
}
return 0;
