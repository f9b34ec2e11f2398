using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace OutlookCrm.Service.Tests.Support;

/// <summary>The built service running as its own process on 127.0.0.1 (Kestrel), for tests that must kill it or run several.</summary>
public sealed class ServiceProcess : IDisposable
{
    readonly Process process;

    public Uri BaseAddress { get; }

    ServiceProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public static async Task<ServiceProcess> StartAsync(string dataDirectory)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [ServiceDll()]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(ServiceDll())! };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__DataDirectory"] = dataDirectory;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["RateLimits__UserPermitsPerMinute"] = "1000000";
        start.Environment["RateLimits__TenantPermitsPerMinute"] = "1000000";
        start.Environment["RateLimits__AnonymousPermitsPerMinute"] = "1000000";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return service;
            }
            catch (HttpRequestException) { }
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                service.Dispose(); // a process that never became ready must not outlive the test
                throw new InvalidOperationException("The service process did not start.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>A client signed in on this process: each process signs its own development tokens.</summary>
    public async Task<HttpClient> SignedInClientAsync(Guid tenantId, Guid userId)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        var response = await http.PostAsJsonAsync("/dev/token", new { tenantId, userId });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>SIGKILL: no shutdown, no flushing, like a crash.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited) Kill();
        process.Dispose();
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The service as built beside this test assembly's configuration (the test project references it).</summary>
    static string ServiceDll()
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var root = testDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OutlookCrm.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("Repository root not found.");
        var configuration = testDirectory.Parent!.Name; // …/bin/<Configuration>/net10.0/
        return Path.Combine(root.FullName, "service", "bin", configuration, "net10.0", "OutlookCrm.Service.dll");
    }
}
