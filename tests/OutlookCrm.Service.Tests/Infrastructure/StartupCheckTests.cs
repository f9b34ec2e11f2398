using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OutlookCrm.Service.Tests.Infrastructure;

/// <summary>Every environment but Development is treated as production (a Staging slot serves real tenants).</summary>
public class StartupCheckTests
{
    static readonly Dictionary<string, string?> Safe = new()
    {
        ["Auth:Mode"] = "Entra",
        ["AzureAd:Instance"] = "https://127.0.0.1:9/",
        ["AzureAd:TenantId"] = "organizations",
        ["AzureAd:ClientId"] = "6f1f3c9e-1111-4222-8333-944455556666",
        ["AzureAd:ClientSecret"] = "test-only-not-a-secret",
        ["Database:Provider"] = "Sqlite",
    };

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public void Development_sign_in_is_refused_outside_development(string environment)
    {
        var error = StartFails(environment, new(Safe) { ["Auth:Mode"] = "Development" });
        Assert.Contains("Auth:Mode is Development", error);
        Assert.Contains($"the {environment} environment", error);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public void A_service_that_cannot_send_intakes_must_say_links_are_passed_on_by_hand(string environment)
    {
        Assert.Contains("Intake:ManualDelivery", StartFails(environment, new(Safe) { ["Mailbox:Source"] = "None" }));
        using var manual = new EnvironmentFactory(environment, new(Safe) { ["Mailbox:Source"] = "None", ["Intake:ManualDelivery"] = "true" });
        manual.CreateClient().Dispose();
    }

    [Fact]
    public void A_safely_configured_staging_slot_starts()
    {
        using var factory = new EnvironmentFactory("Staging", Safe);
        factory.CreateClient().Dispose();
    }

    static string StartFails(string environment, Dictionary<string, string?> settings)
    {
        using var factory = new EnvironmentFactory(environment, settings);
        return Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();
    }

    sealed class EnvironmentFactory(string environment, Dictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        readonly string directory = Path.Combine(Path.GetTempPath(), "outlookcrm-tests", Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Database:DataDirectory", directory);
            builder.UseSetting("Database:MigrateOnStartup", "true");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
