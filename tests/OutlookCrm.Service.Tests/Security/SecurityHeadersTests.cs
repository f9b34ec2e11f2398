using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Security;

public class SecurityHeadersTests(SecurityHeadersTests.PaneFactory factory) : IClassFixture<SecurityHeadersTests.PaneFactory>
{
    [Fact]
    public async Task The_pane_allows_exactly_itself_office_js_and_the_outlook_hosts()
    {
        var response = await factory.CreateClient().GetAsync("/taskpane.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self' https://appsforoffice.microsoft.com;", csp);
        Assert.Contains("frame-ancestors 'self' https://outlook.office.com https://outlook.office365.com https://outlook.cloud.microsoft", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("X-Frame-Options"), "The pane must be frameable by Outlook.");
    }

    [Fact]
    public async Task Api_responses_allow_nothing_and_are_never_cached()
    {
        var session = await factory.SignInAsync();
        var response = await session.Http.GetAsync("/api/me");
        Assert.Equal("default-src 'none'; frame-ancestors 'none'; base-uri 'none'", Header(response, "Content-Security-Policy"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));

        var problem = await factory.CreateClient().GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, problem.StatusCode);
        Assert.Equal("no-store", problem.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Header(problem, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task Icons_and_hashed_bundles_are_cacheable_pages_are_revalidated()
    {
        var http = factory.CreateClient();
        Assert.Equal("public, max-age=604800", (await http.GetAsync("/icons/icon-16.png")).Headers.CacheControl?.ToString());
        Assert.Equal("public, max-age=31536000, immutable", (await http.GetAsync("/assets/app-1234.js")).Headers.CacheControl?.ToString());
        Assert.Equal("no-cache", (await http.GetAsync("/taskpane.html")).Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_preview_serves_the_pane_with_the_fake_office_js()
    {
        var html = await factory.CreateClient().GetStringAsync("/preview/taskpane.html");
        Assert.Contains("src=\"/fake-office.js\"", html);
        Assert.DoesNotContain("appsforoffice.microsoft.com", html);
    }

    [Fact]
    public async Task The_pane_page_carries_its_sign_in_configuration()
    {
        var html = await factory.CreateClient().GetStringAsync("/taskpane.html");
        Assert.Contains("<meta name=\"outlookcrm-auth-config\" content=\"{&quot;mode&quot;:&quot;development&quot;", html);
        Assert.Contains("appsforoffice.microsoft.com", html);
    }

    static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : "";

    /// <summary>The service with a small built pane of its own.</summary>
    public sealed class PaneFactory : ServiceFactory
    {
        readonly string dist = Path.Combine(Path.GetTempPath(), "outlookcrm-tests", Guid.NewGuid().ToString("N"), "dist");

        public PaneFactory()
        {
            Directory.CreateDirectory(Path.Combine(dist, "icons"));
            Directory.CreateDirectory(Path.Combine(dist, "assets"));
            File.WriteAllText(Path.Combine(dist, "taskpane.html"),
                "<!doctype html><html><head><script src=\"https://appsforoffice.microsoft.com/lib/1/hosted/office.js\"></script></head><body></body></html>");
            File.WriteAllBytes(Path.Combine(dist, "icons", "icon-16.png"), [0x89, 0x50, 0x4E, 0x47]);
            File.WriteAllText(Path.Combine(dist, "assets", "app-1234.js"), "console.log(1)");
            Settings["Pane:DistPath"] = dist;
        }
    }
}

public class HttpsOutsideLoopbackTests
{
    [Fact]
    public async Task Production_redirects_pages_and_refuses_api_calls_over_plain_http_from_the_network()
    {
        using var factory = new RemoteProductionFactory();
        var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.PermanentRedirect, page.StatusCode);
        Assert.StartsWith("https://", page.Headers.Location?.ToString());

        var api = await http.PostAsync("/api/lookup", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        await Json.ProblemAsync(api, 400, "https-required");
    }

    [Fact]
    public async Task Https_requests_get_hsts()
    {
        using var factory = new RemoteProductionFactory();
        var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://crm.example.com") });
        var response = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    sealed class RemoteProductionFactory : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Auth:Mode", "Entra");
            builder.UseSetting("AzureAd:Instance", "https://127.0.0.1:9/");
            builder.UseSetting("AzureAd:TenantId", "organizations");
            builder.UseSetting("AzureAd:ClientId", "6f1f3c9e-1111-4222-8333-944455556666");
            builder.UseSetting("AzureAd:ClientSecret", "test-only-not-a-secret");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Attachments:Store", "Local");
            builder.UseSetting("Database:DataDirectory", Path.Combine(Path.GetTempPath(), "outlookcrm-tests", Guid.NewGuid().ToString("N")));
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, RemoteCaller>());
        }
    }

    /// <summary>Makes every request look as if it came from another machine.</summary>
    sealed class RemoteCaller : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
