using System.Globalization;
using Benchmarks;

// dotnet run --project bench/Benchmarks -c Release -- lookup|history|suggestions|attachments|seed [--options]; see BENCHMARKS.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args);
switch (options.Benchmark)
{
    case "lookup": await LookupBenchmark.RunAsync(options); break;
    case "history": await HistoryBenchmark.RunAsync(options); break;
    case "suggestions": await SuggestionsBenchmark.RunAsync(options); break;
    case "attachments": await AttachmentSaveBenchmark.RunAsync(options); break;
    // The lookup benchmark's database only (bench/floor.sh drives it with wrk).
    case "seed": Console.WriteLine(await LookupBenchmark.SeedIfNeededAsync(options)); break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{options.Benchmark}': use lookup, history, suggestions, attachments or seed.");
        return 2;
}
return 0;
