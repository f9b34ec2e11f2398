using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace OutlookCrm.Service.Tests.Infra;

/// <summary>
/// infra/main.bicep, checked offline: the linter and the compiler say nothing, and the ARM JSON they
/// produce has the security properties docs/decisions/0011 promises. Each test prints what it checked.
/// </summary>
public class DeploymentTemplateTests(ITestOutputHelper output)
{
    const string SecretsUserRole = "4633458b-17de-408a-b874-0445c86b69e6";
    const string BlobDataContributorRole = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    /// <summary>What `az deployment group create -p profile.bicepparam -p prefix=… …` adds on the command line.</summary>
    static readonly Dictionary<string, string> CommandLineParameters = new()
    {
        ["BICEP_PARAMETERS_OVERRIDES"] = JsonSerializer.Serialize(new
        {
            prefix = "crm",
            entraClientId = "6f1f3c9e-1111-4222-8333-944455556666",
            adminObjectId = "0b1c2d3e-4444-4555-8666-977788889999",
            adminLogin = "admin@practice.example",
        }),
    };

    [Fact]
    public async Task Linter_reports_nothing_on_the_template_and_its_modules()
    {
        var lint = await BicepCli.RunAsync("lint", DeploymentTemplate.MainFile);
        output.WriteLine($"bicep lint {DeploymentTemplate.MainFile} (infra/bicepconfig.json): exit {lint.ExitCode}, diagnostics: [{lint.Diagnostics}{lint.Output.Trim()}]");
        Assert.Equal(0, lint.ExitCode);
        Assert.Equal("", lint.Diagnostics + lint.Output.Trim());
    }

    [Fact]
    public async Task Template_builds_to_arm_json_without_warnings()
    {
        var template = await DeploymentTemplate.LoadAsync();
        output.WriteLine($"bicep build {DeploymentTemplate.MainFile}: diagnostics: [{template.Diagnostics}]");
        foreach (var resource in template.Resources) output.WriteLine($"  {resource.Type,-60} {resource.Module}");
        Assert.Equal("", template.Diagnostics);
    }

    [Theory]
    [InlineData("small")]
    [InlineData("larger")]
    public async Task Each_profile_builds_with_the_identity_parameters_of_the_command_line(string profile)
    {
        var file = $"infra/profiles/{profile}.bicepparam";
        var build = await BicepCli.RunAsync(CommandLineParameters, "build-params", file, "--stdout");
        Assert.True(build.ExitCode == 0, build.Diagnostics);
        Assert.Equal("", build.Diagnostics);
        var parameters = JsonNode.Parse(JsonNode.Parse(build.Output)!["parametersJson"]!.GetValue<string>())!["parameters"]!;
        var instances = parameters["instanceCount"]!["value"]!.GetValue<int>();
        output.WriteLine($"{file}: builds without diagnostics; {parameters["appServiceSku"]!["value"]} x {instances}, database {parameters["databaseSku"]!["value"]!["name"]}, storage {parameters["storageRedundancy"]!["value"]}");
        Assert.True(instances >= 2, $"{file} runs {instances} instance(s)");
    }

    [Fact]
    public async Task Web_app_is_https_only_over_tls_1_2_without_ftp_or_publishing_passwords()
    {
        var template = await DeploymentTemplate.LoadAsync();
        var site = template.Single("Microsoft.Web/sites");
        Check(site, "properties.httpsOnly", true);
        CheckTls(site, "properties.siteConfig.minTlsVersion");
        CheckTls(site, "properties.siteConfig.scmMinTlsVersion");
        Check(site, "properties.siteConfig.ftpsState", "Disabled");
        Check(site, "properties.siteConfig.remoteDebuggingEnabled", false);
        Check(site, "identity.type", "SystemAssigned");
        var policies = template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        foreach (var kind in new[] { "ftp", "scm" })
            Check(Assert.Single(policies, policy => policy.Name.Contains($"'{kind}'")), "properties.allow", false);
    }

    [Fact]
    public async Task Web_app_runs_stateless_on_two_or_more_instances_and_probes_health_ready()
    {
        var template = await DeploymentTemplate.LoadAsync();
        var site = template.Single("Microsoft.Web/sites");
        Check(site, "properties.clientAffinityEnabled", false);
        Check(site, "properties.siteConfig.healthCheckPath", "/health/ready");
        Check(site, "properties.siteConfig.alwaysOn", true);

        var plan = template.Single("Microsoft.Web/serverfarms");
        var capacity = plan.Scope.ResolveToMain(plan["sku.capacity"])!.ToString();
        var parameter = Regex.Match(capacity, @"^\[parameters\('(\w+)'\)\]$").Groups[1].Value;
        var declared = template.Main.Template["parameters"]![parameter]!;
        output.WriteLine($"ok   plan sku.capacity = main.bicep's {parameter}: minValue {declared["minValue"]}, default {declared["defaultValue"]}");
        Assert.True(declared["minValue"]!.GetValue<int>() >= 2);
        Assert.True(declared["defaultValue"]!.GetValue<int>() >= 2);
        Check(plan, "properties.reserved", true);
    }

    [Fact]
    public async Task Sql_accepts_only_entra_sign_in_over_tls_1_2_from_the_private_network()
    {
        var template = await DeploymentTemplate.LoadAsync();
        var server = template.Single("Microsoft.Sql/servers");
        CheckTls(server, "properties.minimalTlsVersion");
        Check(server, "properties.administrators.administratorType", "ActiveDirectory");
        Check(server, "properties.administrators.azureADOnlyAuthentication", true);
        Assert.Null(server["properties.administratorLogin"]);
        Assert.DoesNotContain("password", template.Json, StringComparison.OrdinalIgnoreCase);
        output.WriteLine("ok   no administratorLogin on the server; no \"password\" anywhere in the ARM JSON");

        // Public access exists only while an admin passes the setup IP, and then for that one address.
        var publicAccess = server["properties.publicNetworkAccess"]!.ToString();
        var opener = Regex.Match(publicAccess, @"^\[if\(empty\(parameters\('(\w+)'\)\), 'Disabled', 'Enabled'\)\]$").Groups[1].Value;
        Assert.False(opener == "", $"SQL publicNetworkAccess is {publicAccess}");
        var openerInMain = server.Scope.ResolveToMain(JsonValue.Create($"[parameters('{opener}')]"))!.ToString();
        var openerDefault = server.Scope.Resolve(JsonValue.Create($"[parameters('{opener}')]"))?.ToString();
        Assert.Matches(@"^\[parameters\('\w+'\)\]$", openerInMain);
        Assert.Equal("", openerDefault);
        output.WriteLine($"ok   SQL publicNetworkAccess = {publicAccess}, {opener} = main.bicep's {openerInMain}, default \"{openerDefault}\"");
        foreach (var rule in template.OfType("Microsoft.Sql/servers/firewallRules"))
        {
            Assert.Equal($"[not(empty(parameters('{opener}')))]", rule.Json["condition"]?.ToString());
            Assert.Equal($"[parameters('{opener}')]", rule["properties.startIpAddress"]?.ToString());
            Assert.Equal($"[parameters('{opener}')]", rule["properties.endIpAddress"]?.ToString());
            output.WriteLine($"ok   firewall rule {rule.Name} exists only with {opener}, for that one address (no 0.0.0.0 \"all of Azure\" rule)");
        }
        CheckPrivateEndpoint(template, "sqlServer");
        Check(template.Single("Microsoft.Sql/servers/auditingSettings"), "properties.state", "Enabled");
    }

    [Fact]
    public async Task Storage_takes_only_entra_access_over_https_and_holds_the_attachments_container()
    {
        var template = await DeploymentTemplate.LoadAsync();
        var account = template.Single("Microsoft.Storage/storageAccounts");
        Check(account, "properties.allowSharedKeyAccess", false);
        Check(account, "properties.supportsHttpsTrafficOnly", true);
        Check(account, "properties.minimumTlsVersion", "TLS1_2");
        Check(account, "properties.allowBlobPublicAccess", false);
        Check(account, "properties.publicNetworkAccess", "Disabled");
        var container = template.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        var nameParameter = Regex.Match(container.Name, @"parameters\('(\w+)'\)\)\]$").Groups[1].Value;
        var containerName = container.Scope.Resolve(JsonValue.Create($"[parameters('{nameParameter}')]"))?.ToString();
        output.WriteLine($"ok   blob container: {containerName}");
        Assert.Equal("attachments", containerName);
        Check(container, "properties.publicAccess", "None");
        CheckPrivateEndpoint(template, "blob");
        CheckAppRole(template, BlobDataContributorRole, "Storage Blob Data Contributor", "Microsoft.Storage/storageAccounts/blobServices/containers");
    }

    [Fact]
    public async Task Key_vault_uses_rbac_with_soft_delete_and_purge_protection()
    {
        var template = await DeploymentTemplate.LoadAsync();
        var vault = template.Single("Microsoft.KeyVault/vaults");
        Check(vault, "properties.enableRbacAuthorization", true);
        Check(vault, "properties.enableSoftDelete", true);
        Check(vault, "properties.enablePurgeProtection", true);
        Assert.True(vault.Resolved("properties.softDeleteRetentionInDays")!.GetValue<int>() >= 7);
        Assert.Null(vault["properties.accessPolicies"]);
        CheckAppRole(template, SecretsUserRole, "Key Vault Secrets User", "Microsoft.KeyVault/vaults");
    }

    [Theory]
    [InlineData("Microsoft.Web/sites")]
    [InlineData("Microsoft.Sql/servers/databases")]
    [InlineData("Microsoft.KeyVault/vaults")]
    [InlineData("Microsoft.Storage/storageAccounts/blobServices")]
    public async Task Diagnostic_settings_send_logs_to_the_log_analytics_workspace(string scopeType)
    {
        var template = await DeploymentTemplate.LoadAsync();
        var settings = template.OfType("Microsoft.Insights/diagnosticSettings")
            .Where(setting => setting["scope"]!.ToString().StartsWith($"[resourceId('{scopeType}',", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(settings);
        foreach (var setting in settings)
        {
            Assert.Equal(WorkspaceId, setting.Scope.ResolveToMain(setting["properties.workspaceId"])!.ToString());
            var logs = setting["properties.logs"]!.AsArray();
            Assert.NotEmpty(logs);
            Assert.All(logs, log => Assert.True(log!["enabled"]!.GetValue<bool>()));
            output.WriteLine($"ok   {scopeType}: diagnostic setting {setting.Name} -> Log Analytics, logs {string.Join(", ", logs.Select(log => log!["categoryGroup"] ?? log["category"]))}");
        }
        var monitoring = template.Outputs.Single(entry => entry.Name == "workspaceId");
        Assert.StartsWith("[resourceId('Microsoft.OperationalInsights/workspaces',", monitoring.Output["value"]!.ToString());
        template.Single("Microsoft.Insights/components");
    }

    const string WorkspaceId = "[reference(resourceId('Microsoft.Resources/deployments', 'monitoring'), '2025-04-01').outputs.workspaceId.value]";

    [Fact]
    public async Task No_output_of_any_module_carries_a_secret()
    {
        var template = await DeploymentTemplate.LoadAsync();
        var secretLike = new Regex(@"secret|password|connectionstring|\bkeys?\b|list\w*\(", RegexOptions.IgnoreCase);
        foreach (var (module, name, value) in template.Outputs)
        {
            var expression = value["value"]?.ToString() ?? "";
            output.WriteLine($"ok   output {module}.{name} = {expression}");
            Assert.False(secretLike.IsMatch(name) || secretLike.IsMatch(expression), $"{module}.{name} looks like a secret: {expression}");
            Assert.NotEqual("securestring", value["type"]?.ToString(), StringComparer.OrdinalIgnoreCase);
        }
        Assert.Contains(template.Outputs, entry => entry.Module == "main" && entry.Name == "hostName");
    }

    [Fact]
    public async Task App_settings_take_the_client_secret_from_key_vault_and_reach_sql_as_the_managed_identity()
    {
        var settings = (await DeploymentTemplate.LoadAsync()).AppSettings();
        foreach (var (name, value) in settings) output.WriteLine($"     {name} = {value}");
        Assert.Matches(@"^\[format\('@Microsoft\.KeyVault\(SecretUri=\{0\}\)'", settings["AzureAd__ClientSecret"]);
        var connection = settings["Database__ConnectionString"];
        Assert.Contains("Authentication=Active Directory Default;", connection);
        Assert.Contains("Encrypt=True;", connection);
        Assert.DoesNotMatch(new Regex("password|pwd=|user id|uid=", RegexOptions.IgnoreCase), connection);
        Assert.Equal("SqlServer", settings["Database__Provider"]);
        Assert.Equal("Entra", settings["Auth__Mode"]);
        Assert.Equal("true", settings["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
        output.WriteLine("ok   client secret is a Key Vault reference; SQL: Active Directory Default, encrypted, no password; Entra sign-in; forwarded headers on");
    }

    void Check(TemplateResource resource, string path, object expected)
    {
        var actual = resource.Resolved(path);
        output.WriteLine($"{(Matches(actual, expected) ? "ok  " : "FAIL")} {resource}: {path} = {actual?.ToJsonString() ?? "(absent)"}");
        Assert.True(Matches(actual, expected), $"{resource}: {path} is {actual?.ToJsonString() ?? "absent"}, expected {expected}");
    }

    static bool Matches(JsonNode? actual, object expected) => expected switch
    {
        bool flag => actual is JsonValue value && value.TryGetValue(out bool b) && b == flag,
        string text => actual?.GetValueKind() == JsonValueKind.String && actual.GetValue<string>() == text,
        _ => false,
    };

    void CheckTls(TemplateResource resource, string path)
    {
        var version = resource.Resolved(path)?.ToString();
        var atLeast12 = Version.TryParse(version, out var parsed) && parsed >= new Version(1, 2);
        output.WriteLine($"{(atLeast12 ? "ok  " : "FAIL")} {resource}: {path} = {version} (1.2 or later)");
        Assert.True(atLeast12, $"{resource}: {path} is {version}, expected 1.2 or later");
    }

    void CheckPrivateEndpoint(DeploymentTemplate template, string groupId)
    {
        var endpoint = Assert.Single(template.OfType("Microsoft.Network/privateEndpoints"),
            endpoint => endpoint.Resolved("properties.privateLinkServiceConnections")!.AsArray()
                .Any(connection => connection!["properties"]!["groupIds"]!.AsArray().Any(id => endpoint.Scope.Resolve(id)!.ToString() == groupId)));
        Assert.Single(template.OfType("Microsoft.Network/privateEndpoints/privateDnsZoneGroups"), group => group.Module == endpoint.Module);
        output.WriteLine($"ok   private endpoint ({groupId}) with its private DNS zone group, in {endpoint.Module}");
    }

    void CheckAppRole(DeploymentTemplate template, string roleId, string roleName, string scopeType)
    {
        var assignment = Assert.Single(template.OfType("Microsoft.Authorization/roleAssignments"), assignment => RoleOf(assignment) == roleId);
        Assert.StartsWith($"[resourceId('{scopeType}',", assignment["scope"]!.ToString());
        Assert.Contains("outputs.principalId", assignment.Scope.ResolveToMain(assignment["properties.principalId"])!.ToString());
        Assert.Equal("ServicePrincipal", assignment.Resolved("properties.principalType")?.ToString());
        output.WriteLine($"ok   the app's managed identity has {roleName} on {scopeType}");
    }

    /// <summary>The role id of "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('x'))]".</summary>
    static string? RoleOf(TemplateResource assignment)
    {
        var role = Regex.Match(assignment["properties.roleDefinitionId"]!.ToString(), @"roleDefinitions', (?<role>variables\('\w+'\)|'[0-9a-f-]+')\)\]$").Groups["role"].Value;
        return role.StartsWith('\'') ? role.Trim('\'') : assignment.Scope.Resolve(JsonValue.Create($"[{role}]"))?.ToString();
    }
}
