using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Benchmarks;

/// <summary>The real service (Release build) as its own process on 127.0.0.1, on a given data folder.</summary>
sealed class ServiceHost : IDisposable
{
    readonly Process process;
    public HttpClient Http { get; }

    ServiceHost(Process process, HttpClient http)
    {
        this.process = process;
        Http = http;
    }

    public static async Task<ServiceHost> StartAsync(string serviceDll, string dataDirectory, int port)
    {
        var dll = Path.GetFullPath(serviceDll);
        var start = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__DataDirectory"] = dataDirectory;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // One benchmark user sends thousands of calls a second; the product's per-user limit would refuse them.
        start.Environment["RateLimits__UserPermitsPerMinute"] = "100000000";
        start.Environment["RateLimits__TenantPermitsPerMinute"] = "100000000";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  service: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return new ServiceHost(process, http);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The service did not become ready.");
            await Task.Delay(200);
        }
    }

    public async Task SignInAsync(Guid tenantId)
    {
        var token = await Http.PostAsJsonAsync("/dev/token", new { tenantId, userId = Guid.NewGuid(), name = "Benchmark", email = "bench@example.com" });
        token.EnsureSuccessStatusCode();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken);
    }

    /// <summary>The service process's resident memory now (working set), in MiB.</summary>
    public double ResidentMiB
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64 / 1024.0 / 1024.0;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
        Http.Dispose();
    }

    sealed record TokenBody(string AccessToken);
}
