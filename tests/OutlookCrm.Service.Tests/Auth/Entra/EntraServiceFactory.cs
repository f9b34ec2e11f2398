using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;

namespace OutlookCrm.Service.Tests.Auth.Entra;

/// <summary>
/// The real service in Production with Auth:Mode=Entra and a multi-tenant ("organizations")
/// authority pointing at a <see cref="FakeEntraServer"/>, so Microsoft.Identity.Web's own token
/// validation runs against real-format tokens. The only test-specific wiring is trust in the fake's
/// self-signed certificate for the two metadata fetchers (the JWT bearer backchannel and the AAD
/// issuer validator's HttpClient).
/// </summary>
public class EntraServiceFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ClientId = "5b0c7a1e-2f3d-4c8b-9e6a-7d1f0b2c3a4e";
    const string MetadataHttpClient = "fake-entra-metadata";

    readonly string directory = Path.Combine(Path.GetTempPath(), "outlookcrm-tests", Guid.NewGuid().ToString("N"));

    public FakeEntraServer Entra { get; private set; } = null!;

    /// <summary>
    /// For each API request: its path and whether, once the pipeline ran, Microsoft.Identity.Web had
    /// the incoming token stored for on-behalf-of calls (what Graph token acquisition relies on).
    /// </summary>
    public ConcurrentQueue<(string Path, string? Authorization, bool TokenStoredForObo)> Observed { get; } = new();
    public EntraTokens Tokens { get; private set; } = null!;

    /// <summary>Auth:AllowedTenants; empty means any work or school tenant.</summary>
    protected virtual IReadOnlyList<Guid> AllowedTenants => [];

    public async Task InitializeAsync()
    {
        Entra = await FakeEntraServer.StartAsync();
        Tokens = new EntraTokens(Entra, ClientId);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(directory);
        builder.UseEnvironment("Production");
        builder.UseSetting("Auth:Mode", "Entra");
        builder.UseSetting("AzureAd:Instance", Entra.BaseUrl + "/");
        builder.UseSetting("AzureAd:TenantId", "organizations");
        builder.UseSetting("AzureAd:ClientId", ClientId);
        builder.UseSetting("AzureAd:ClientSecret", "test-only");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Attachments:Store", "Local");
        builder.UseSetting("Database:DataDirectory", directory);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Pane:DistPath", Path.Combine(directory, "no-pane"));
        builder.UseSetting("RateLimits:AnonymousPermitsPerMinute", "1000000");
        builder.UseSetting("RateLimits:UserPermitsPerMinute", "1000000");
        builder.UseSetting("RateLimits:TenantPermitsPerMinute", "1000000");
        for (var i = 0; i < AllowedTenants.Count; i++)
            builder.UseSetting($"Auth:AllowedTenants:{i}", AllowedTenants[i].ToString());

        builder.ConfigureTestServices(services =>
        {
            // Configure (not PostConfigure): JwtBearer builds its ConfigurationManager from these in its own PostConfigure.
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
                options => options.BackchannelHttpHandler = Entra.CreateTrustingHandler());
            services.Configure<AadIssuerValidatorOptions>(options => options.HttpClientName = MetadataHttpClient);
            services.AddHttpClient(MetadataHttpClient).ConfigurePrimaryHttpMessageHandler(() => Entra.CreateTrustingHandler());
            services.AddSingleton<IStartupFilter>(new ObserveStartup(this));
        });
    }

    /// <summary>A client of the service sending the given bearer token.</summary>
    public HttpClient ClientWith(string token)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>The HttpContext.Items key Microsoft.Identity.Web keeps the validated incoming token under (internal to it).</summary>
    const string TokenUsedToCallWebApiItem = "JwtSecurityTokenUsedToCallWebAPI";

    sealed class ObserveStartup(EntraServiceFactory factory) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, proceed) =>
            {
                await proceed(http);
                if (http.Request.Path.StartsWithSegments("/api"))
                    factory.Observed.Enqueue((http.Request.Path, http.Request.Headers.Authorization.ToString(),
                        http.User.GetBootstrapToken() is not null || http.Items[TokenUsedToCallWebApiItem] is not null));
            });
            next(app);
        };
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Tokens?.Dispose();
        Entra?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The same service with Auth:AllowedTenants naming a single tenant.</summary>
public sealed class AllowListEntraServiceFactory : EntraServiceFactory
{
    public static readonly Guid AllowedTenant = Guid.Parse("2d7e4b6a-1c3f-4e5d-8a9b-0c1d2e3f4a5b");

    protected override IReadOnlyList<Guid> AllowedTenants => [AllowedTenant];
}
