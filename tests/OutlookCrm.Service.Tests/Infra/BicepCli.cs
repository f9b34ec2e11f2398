using System.Diagnostics;
using System.Reflection;

namespace OutlookCrm.Service.Tests.Infra;

/// <summary>
/// The Bicep CLI that `dotnet restore OutlookCrm.sln` brings (a PackageDownload of this project, its
/// path baked into the assembly at build time), run from the repository root. Offline: it needs no
/// Azure account and no network.
/// </summary>
static class BicepCli
{
    static readonly string Executable = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "BicepCli").Value!;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public sealed record Result(int ExitCode, string Output, string Diagnostics);

    public static Task<Result> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"No Bicep CLI at {Executable}: run 'dotnet restore OutlookCrm.sln' on linux-x64 (the test project downloads Azure.Bicep.CommandLine.linux-x64).");
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var diagnostics = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 5 minutes.");
        }
        return new Result(process.ExitCode, await output, (await diagnostics).Trim());
    }

    static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OutlookCrm.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Repository root (OutlookCrm.sln) not found.");
    }
}
