using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Lookup;
using OutlookCrm.Service.Pane;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Infrastructure;

public class ProductionStartupTests
{
    static readonly Dictionary<string, string?> Complete = new()
    {
        ["Auth:Mode"] = "Entra",
        ["AzureAd:Instance"] = "https://127.0.0.1:9/",
        ["AzureAd:TenantId"] = "organizations",
        ["AzureAd:ClientId"] = "6f1f3c9e-1111-4222-8333-944455556666",
        ["AzureAd:ClientSecret"] = "test-only-not-a-secret",
        ["Database:Provider"] = "Sqlite",
        ["Attachments:Store"] = "Local",
    };

    [Theory]
    [InlineData("Auth:Mode", "Development", "Auth:Mode is Development")]
    [InlineData("AzureAd:ClientId", null, "AzureAd:ClientId is not set")]
    [InlineData("AzureAd:Instance", null, "AzureAd:Instance is not set")]
    [InlineData("Database:Provider", null, "Database:Provider is not set")]
    [InlineData("AzureAd:ClientSecret", null, "AzureAd:ClientCredentials")]
    [InlineData("Attachments:Store", null, "Attachments:Store is not set")]
    [InlineData("Attachments:Store", "AzureBlob", "Attachments:AzureBlobServiceUri (or Attachments:AzureBlobConnectionString) is not set")]
    public void Production_refuses_to_start_with_a_missing_or_unsafe_setting(string key, string? value, string message)
    {
        var settings = new Dictionary<string, string?>(Complete) { [key] = value };
        using var factory = new ProductionFactory(settings);
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains(message, Flatten(error));
    }

    [Fact]
    public void Production_refuses_sql_server_without_a_connection_string()
    {
        var settings = new Dictionary<string, string?>(Complete) { ["Database:Provider"] = "SqlServer" };
        using var factory = new ProductionFactory(settings);
        Assert.Contains("Database:ConnectionString is not set", Flatten(Assert.ThrowsAny<Exception>(() => factory.CreateClient())));
    }

    [Fact]
    public void Production_asks_entra_for_graph_tokens_never_the_development_stand_in()
    {
        using var factory = new ProductionFactory(Complete);
        Assert.IsNotType<OutlookCrm.Service.Mailbox.DevelopmentGraphTokens>(factory.Services.GetRequiredService<Microsoft.Identity.Web.ITokenAcquisition>());
    }

    [Fact]
    public void Sql_server_gets_the_ef_core_lookup_and_audit_store_and_no_sqlite_parts()
    {
        var settings = new Dictionary<string, string?>(Complete)
        {
            ["Database:Provider"] = "SqlServer",
            ["Database:ConnectionString"] = "Server=127.0.0.1,9;Database=outlookcrm;Integrated Security=true;Connect Timeout=1",
            ["Database:MigrateOnStartup"] = "false",
        };
        using var factory = new ProductionFactory(settings);
        using var scope = factory.Services.CreateScope();
        Assert.IsType<EfLookupQuery>(scope.ServiceProvider.GetRequiredService<ILookupQuery>());
        Assert.IsType<EfAuditStore>(factory.Services.GetRequiredService<IAuditStore>());
        Assert.Null(factory.Services.GetService<SqliteDatabase>());
        Assert.Null(factory.Services.GetService<SqliteCheckpointer>());
    }

    [Fact]
    public async Task Production_never_trusts_a_development_token()
    {
        using var development = new ServiceFactory();
        var session = await development.SignInAsync();

        using var production = new ProductionFactory(Complete);
        var http = production.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/dev/token", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/scalar/v1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/dev/outbox")).StatusCode);
    }

    [Fact]
    public async Task Production_serves_the_built_pane_and_none_of_the_preview()
    {
        using var pane = new BuiltPane();
        using var development = new ServiceFactory();
        development.Settings["Pane:DistPath"] = pane.Directory;
        using var production = new ProductionFactory(new(Complete) { ["Pane:DistPath"] = pane.Directory });
        var dev = development.CreateClient();
        var prod = production.CreateClient();

        // The same build in both: Production serves the pane, so what it refuses below is the rule at work.
        Assert.Equal(HttpStatusCode.OK, (await prod.GetAsync("/taskpane.html")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await prod.GetAsync(BuiltPane.PaneScript)).StatusCode);
        foreach (var path in BuiltPane.SendEventPaths)
        {
            Assert.True((await prod.GetAsync(path)).StatusCode == HttpStatusCode.OK, $"Production does not serve {path}");
            Assert.True((await dev.GetAsync(path)).StatusCode == HttpStatusCode.OK, $"Development does not serve {path}");
        }
        // The preview's event runtime runs on fake Office; the real one loads Office.js from Microsoft's CDN.
        Assert.Contains("src=\"/fake-office.js\"", await dev.GetStringAsync("/preview/send-event.html"));
        Assert.Contains(PaneHosting.OfficeJsCdn, await prod.GetStringAsync("/send-event.html"));
        foreach (var path in BuiltPane.PreviewPaths)
        {
            Assert.True((await dev.GetAsync(path)).StatusCode == HttpStatusCode.OK, $"Development does not serve {path}");
            Assert.True((await prod.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, $"Production serves {path}");
        }
    }

    static string Flatten(Exception error) => error.ToString();

    /// <summary>A pane build's layout (what "npm run build" in addin/ writes), preview files included.</summary>
    sealed class BuiltPane : IDisposable
    {
        public const string PaneScript = "/assets/taskpane-Bx1y2z3w.js";
        public static readonly string[] PreviewPaths =
            ["/preview.html", "/preview-bare.html", "/fake-office.js", "/assets/preview-Ab1c2d3e.js", "/assets/preview-previewHost-Cd4e5f6g.js", "/preview/taskpane.html", "/preview/send-event.html"];
        /// <summary>Save on send's event runtime: served everywhere (the manifests name it).</summary>
        public static readonly string[] SendEventPaths = ["/send-event.html", "/send-event.js"];

        public string Directory { get; } = Path.Combine(Path.GetTempPath(), "outlookcrm-tests", "pane-" + Guid.NewGuid().ToString("N"));

        public BuiltPane()
        {
            System.IO.Directory.CreateDirectory(Path.Combine(Directory, "assets"));
            Write("taskpane.html", $"<!doctype html><html><head><script src=\"{PaneHosting.OfficeJsCdn}\"></script><script type=\"module\" src=\"{PaneScript}\"></script></head><body></body></html>");
            Write(PaneScript, "console.log('pane');");
            Write("preview.html", "<!doctype html><html><head><script type=\"module\" src=\"/assets/preview-Ab1c2d3e.js\"></script></head><body></body></html>");
            Write("assets/preview-Ab1c2d3e.js", "import './preview-previewHost-Cd4e5f6g.js';");
            Write("assets/preview-previewHost-Cd4e5f6g.js", "console.log('preview host');");
            Write("preview-bare.html", "<!doctype html><html><head><script type=\"module\" src=\"/assets/preview-bare-Ef7g8h9i.js\"></script></head><body></body></html>");
            Write("fake-office.js", "window.Office = {};");
            Write("send-event.html", $"<!doctype html><html><head><script src=\"{PaneHosting.OfficeJsCdn}\"></script><script src=\"/send-event.js\"></script></head><body></body></html>");
            Write("send-event.js", "(function(){})();");
        }

        void Write(string path, string content) => File.WriteAllText(Path.Combine(Directory, path.TrimStart('/')), content);

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }

    // Every environment but Development is treated as production: a Staging slot serves real tenants too.
    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public void Development_sign_in_is_refused_outside_development(string environment)
    {
        using var factory = new ProductionFactory(new(Complete) { ["Auth:Mode"] = "Development" }, environment);
        var error = Flatten(Assert.ThrowsAny<Exception>(() => factory.CreateClient()));
        Assert.Contains("Auth:Mode is Development", error);
        Assert.Contains($"the {environment} environment", error);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public void A_service_that_cannot_send_intakes_must_say_links_are_passed_on_by_hand(string environment)
    {
        using var unsent = new ProductionFactory(new(Complete) { ["Mailbox:Source"] = "None" }, environment);
        Assert.Contains("Intake:ManualDelivery", Flatten(Assert.ThrowsAny<Exception>(() => unsent.CreateClient())));
        using var manual = new ProductionFactory(new(Complete) { ["Mailbox:Source"] = "None", ["Intake:ManualDelivery"] = "true" }, environment);
        manual.CreateClient().Dispose();
    }

    [Fact]
    public void A_safely_configured_staging_slot_starts()
    {
        using var factory = new ProductionFactory(Complete, "Staging");
        factory.CreateClient().Dispose();
    }

    sealed class ProductionFactory(Dictionary<string, string?> settings, string environment = "Production") : WebApplicationFactory<Program>
    {
        readonly string directory = Path.Combine(Path.GetTempPath(), "outlookcrm-tests", Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Database:DataDirectory", directory);
            builder.UseSetting("Database:MigrateOnStartup", "true");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
