using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace OutlookCrm.Service.Tests.Infra;

/// <summary>
/// The service in Production with exactly the app settings infra/main.bicep gives App Service (read
/// from the built ARM JSON, so the two cannot drift): it starts on them, and refuses to start without
/// each one that only the template provides. The database is never reached.
/// </summary>
public class TemplateSettingsStartupTests(ITestOutputHelper output)
{
    /// <summary>What App Service puts where the template has an ARM expression or a Key Vault reference.</summary>
    static readonly Dictionary<string, string> AzureValues = new()
    {
        ["Auth__AllowedTenants__0"] = "2b3c4d5e-1111-4222-8333-944455556666",
        ["AzureAd__Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd__ClientId"] = "6f1f3c9e-1111-4222-8333-944455556666",
        ["AzureAd__ApplicationIdHost"] = "crm-app-abcdefgh.azurewebsites.net/6f1f3c9e-1111-4222-8333-944455556666",
        ["AzureAd__ClientSecret"] = "test-only-resolved-from-key-vault",
        // Unreachable on purpose: starting must not need the database.
        ["Database__ConnectionString"] = "Server=tcp:127.0.0.1,9;Database=outlookcrm;Authentication=Active Directory Default;Encrypt=True;Connect Timeout=1;",
        ["Attachments__AzureBlobServiceUri"] = "https://crmstabcdefgh.blob.core.windows.net/",
        ["Attachments__AzureBlobContainer"] = "attachments",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/",
    };

    /// <summary>Settings the service starts without, and why the template sets them anyway. Every other one must be refused when missing.</summary>
    static readonly Dictionary<string, string> StartsWithout = new()
    {
        ["Auth__Mode"] = "Entra is already the default outside Development (appsettings.json)",
        ["Auth__AllowedTenants__0"] = "optional: without it any Entra tenant may sign in",
        ["AzureAd__Instance"] = "appsettings.json has the public cloud's; the template sets its cloud's",
        ["AzureAd__TenantId"] = "appsettings.json has \"organizations\"",
        ["AzureAd__ApplicationIdHost"] = "not checked at start-up: without it the pane asks for api://<client-id>/access_as_user",
        ["Database__MigrateOnStartup"] = "off is already the default for SqlServer",
        ["Mailbox__Source"] = "Graph is already the default with Entra",
        ["Attachments__AzureBlobContainer"] = "the store's default container is attachments, the template's name too",
        ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "not checked at start-up: without it every call through App Service's front end looks like plain HTTP",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "read by App Service's Application Insights agent, not by the service",
        ["ApplicationInsightsAgent_EXTENSION_VERSION"] = "read by App Service",
        ["XDT_MicrosoftApplicationInsights_Mode"] = "read by App Service",
        ["APPINSIGHTS_JAVASCRIPT_ENABLED"] = "read by App Service",
    };

    public static TheoryData<string> TemplateSettingNames()
    {
        var names = new TheoryData<string>();
        foreach (var name in DeploymentTemplate.LoadAsync().GetAwaiter().GetResult().AppSettings().Keys) names.Add(name);
        return names;
    }

    [Fact]
    public async Task Production_starts_on_the_template_settings_and_answers_live()
    {
        var settings = await TemplateSettingsAsync();
        foreach (var (name, value) in settings) output.WriteLine($"{name} = {value}");
        using var factory = new ProductionFactory(settings);
        var response = await factory.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TemplateSettingNames))]
    public async Task Without_a_template_setting_production_refuses_to_start_naming_it_unless_it_has_a_default(string name)
    {
        var settings = await TemplateSettingsAsync();
        settings.Remove(name);
        using var factory = new ProductionFactory(settings);
        if (StartsWithout.TryGetValue(name, out var reason))
        {
            factory.CreateClient().Dispose();
            output.WriteLine($"{name}: starts without it ({reason})");
            return;
        }
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();
        var configurationKey = name.Replace("__", ":", StringComparison.Ordinal);
        output.WriteLine($"{name}: refused, naming {configurationKey}");
        Assert.Contains(configurationKey, error);
        Assert.Contains("cannot start in the Production environment", error);
    }

    /// <summary>The template's settings, with what Azure would resolve filled in. A new expression needs a value above.</summary>
    static async Task<Dictionary<string, string>> TemplateSettingsAsync()
    {
        var template = await DeploymentTemplate.LoadAsync();
        return template.AppSettings().ToDictionary(
            setting => setting.Key,
            setting => setting.Value.StartsWith('[')
                ? AzureValues.TryGetValue(setting.Key, out var value) ? value : throw new InvalidOperationException($"{setting.Key} = {setting.Value}: add what Azure resolves it to, to AzureValues.")
                : setting.Value);
    }

    /// <summary>Settings passed as App Service passes them: environment variables, "__" for ":", ASPNETCORE_ prefix for the host.</summary>
    sealed class ProductionFactory(Dictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (name, value) in settings)
            {
                var key = name.StartsWith("ASPNETCORE_", StringComparison.Ordinal) ? name["ASPNETCORE_".Length..] : name;
                builder.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
            }
        }
    }
}
