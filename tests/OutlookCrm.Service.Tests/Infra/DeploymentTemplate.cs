using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutlookCrm.Service.Tests.Infra;

/// <summary>
/// infra/main.bicep built to ARM JSON once per test run, with the resources and outputs of every
/// module flattened, each able to trace a parameter or variable back to the value main.bicep gives it.
/// </summary>
sealed class DeploymentTemplate
{
    public const string MainFile = "infra/main.bicep";

    static readonly Lazy<Task<DeploymentTemplate>> Built = new(BuildAsync);

    public static Task<DeploymentTemplate> LoadAsync() => Built.Value;

    DeploymentTemplate(string json, string diagnostics)
    {
        Json = json;
        Diagnostics = diagnostics;
        Main = new TemplateScope(JsonNode.Parse(json)!.AsObject(), null, null, "main");
        Collect(Main);
    }

    public string Json { get; }
    public string Diagnostics { get; }
    public TemplateScope Main { get; }
    public List<TemplateResource> Resources { get; } = [];
    public List<(string Module, string Name, JsonObject Output)> Outputs { get; } = [];

    public IEnumerable<TemplateResource> OfType(string type) =>
        Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase));

    public TemplateResource Single(string type) => Assert.Single(OfType(type));

    /// <summary>The app settings as main.bicep sets them: literals, or the ARM expression where the value is only known in Azure.</summary>
    public Dictionary<string, string> AppSettings()
    {
        var settings = OfType("Microsoft.Web/sites/config").Single(resource => resource.Name.Contains("'appsettings'"));
        return settings.Json["properties"]!.AsObject()
            .ToDictionary(setting => setting.Key, setting => settings.Scope.Resolve(setting.Value)!.ToString());
    }

    static async Task<DeploymentTemplate> BuildAsync()
    {
        var result = await BicepCli.RunAsync("build", MainFile, "--stdout");
        Assert.True(result.ExitCode == 0, $"bicep build {MainFile} failed: {result.Diagnostics}");
        return new DeploymentTemplate(result.Output, result.Diagnostics);
    }

    void Collect(TemplateScope scope)
    {
        foreach (var (name, output) in scope.Template["outputs"]?.AsObject() ?? [])
            Outputs.Add((scope.Path, name, output!.AsObject()));
        // Bicep writes resources as an array, or as an object keyed by symbolic name (language version 2).
        var resources = scope.Template["resources"] switch
        {
            JsonArray array => array.Select(node => node!.AsObject()),
            JsonObject keyed => keyed.Select(entry => entry.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources.ToList())
        {
            var type = resource["type"]!.GetValue<string>();
            if (type == "Microsoft.Resources/deployments")
                Collect(new TemplateScope(resource["properties"]!["template"]!.AsObject(), resource, scope, $"{scope.Path}/{resource["name"]}"));
            else
                Resources.Add(new TemplateResource(type, resource, scope));
        }
    }
}

sealed record TemplateResource(string Type, JsonObject Json, TemplateScope Scope)
{
    public string Name => Json["name"]!.ToString();

    public string Module => Scope.Path;

    public JsonNode? this[string path] =>
        path.Split('.').Aggregate((JsonNode?)Json, (node, key) => node?[key]);

    /// <summary>A property traced back through module parameters and variables (see <see cref="TemplateScope.Resolve"/>).</summary>
    public JsonNode? Resolved(string path) => Scope.Resolve(this[path]);

    public override string ToString() => $"{Type} in {Module}";
}

/// <summary>One template: main.bicep, or a module nested in the template that calls it.</summary>
sealed partial record TemplateScope(JsonObject Template, JsonObject? Deployment, TemplateScope? Caller, string Path)
{
    /// <summary>
    /// Follows "[parameters('x')]" into the calling template and "[variables('x')]" to their value, up
    /// to main.bicep, where a parameter becomes its default if it has one. Other expressions stay as they are.
    /// </summary>
    public JsonNode? Resolve(JsonNode? value) => Main.DefaultOf(ResolveToMain(value));

    /// <summary>The same, but stops at main.bicep's parameter itself: "[parameters('instanceCount')]".</summary>
    public JsonNode? ResolveToMain(JsonNode? value)
    {
        if (value is not JsonValue json || !json.TryGetValue(out string? text)) return value;
        if (Reference(text, "parameters") is { } parameter && Caller is not null)
        {
            var passed = Deployment!["properties"]!["parameters"]![parameter]?["value"];
            return passed is null ? ResolveToMain(Template["parameters"]![parameter]!["defaultValue"]) : Caller.ResolveToMain(passed);
        }
        if (Reference(text, "variables") is { } variable)
            return ResolveToMain(Template["variables"]![variable]);
        return value;
    }

    TemplateScope Main => Caller?.Main ?? this;

    JsonNode? DefaultOf(JsonNode? value) =>
        value is JsonValue json && json.TryGetValue(out string? text) && Reference(text, "parameters") is { } parameter
            ? Template["parameters"]![parameter]!["defaultValue"] ?? value
            : value;

    static string? Reference(string text, string function)
    {
        var match = ReferencePattern().Match(text);
        return match.Success && match.Groups["function"].Value == function ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex(@"^\[(?<function>parameters|variables)\('(?<name>\w+)'\)\]$")]
    private static partial Regex ReferencePattern();
}
