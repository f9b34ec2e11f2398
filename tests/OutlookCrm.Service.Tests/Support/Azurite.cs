using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OutlookCrm.Service.Tests.Support;

/// <summary>
/// Azurite, the Azure Storage emulator (npm <c>azurite</c>, pinned in tests/azurite, installed by
/// scripts/test.sh), started on a free loopback port with in-memory storage for one test class and
/// stopped with it. Its account and key are the emulator's published development ones.
/// </summary>
public sealed partial class Azurite : IAsyncLifetime
{
    const string Account = "devstoreaccount1";
    const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    Process? process;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var executable = Path.Combine(RepositoryRoot(), "tests", "azurite", "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Azurite is not installed: run scripts/npm-install-if-needed.sh tests/azurite ({executable} is missing).");
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "--blobHost", "127.0.0.1", "--blobPort", "0", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(startup.Token) is { } line)
        {
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={DevelopmentKey};BlobEndpoint=http://127.0.0.1:{match.Groups[1].Value}/{Account};";
                // Keep draining its output so it never blocks on a full pipe.
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                return;
            }
        }
        throw new InvalidOperationException("Azurite exited before listening.");
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false }) process.Kill(entireProcessTree: true);
        process?.Dispose();
        return Task.CompletedTask;
    }

    static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "OutlookCrm.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root (OutlookCrm.sln) was not found above the test binaries.");
    }

    [GeneratedRegex(@"listens on http://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();
}
