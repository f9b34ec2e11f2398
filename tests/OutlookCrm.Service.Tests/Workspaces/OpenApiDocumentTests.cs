using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutlookCrm.Service.Tests.Infra;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Workspaces;

/// <summary>
/// docs/openapi.json is the contract the pane's types are generated from: it must be what the code
/// describes, so a changed DTO or endpoint without a regenerated document fails here.
/// </summary>
public class OpenApiDocumentTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    const string Regenerate = "dotnet build service -p:WriteOpenApi=true && (cd addin && npm run api:types)";

    [Fact]
    public async Task Committed_document_is_the_one_the_service_describes()
    {
        var served = await Json.ReadAsync(await factory.CreateClient().GetAsync("/openapi/v1.json"), 200);
        var path = Path.Combine(BicepCli.RepositoryRoot, "docs", "openapi.json");
        Assert.True(File.Exists(path), $"{path} is missing. Write it with: {Regenerate}");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path))!;

        var difference = FirstDifference(committed, served, "$");
        Assert.True(difference is null,
            $"docs/openapi.json is stale: {difference}. Regenerate it and the pane's types with: {Regenerate}");
    }

    /// <summary>Where the two documents first differ, as a JSON path with both values, or null when they are the same.</summary>
    static string? FirstDifference(JsonNode? committed, JsonNode? served, string path)
    {
        if (committed is JsonObject a && served is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
            {
                if (!a.ContainsKey(key)) return $"{path}.{key} is new in the code (not committed)";
                if (!b.ContainsKey(key)) return $"{path}.{key} is committed but no longer in the code";
                if (FirstDifference(a[key], b[key], $"{path}.{key}") is { } inner) return inner;
            }
            return null;
        }
        if (committed is JsonArray x && served is JsonArray y)
        {
            for (var i = 0; i < Math.Max(x.Count, y.Count); i++)
            {
                if (i >= x.Count) return $"{path}[{i}] is new in the code: {y[i]?.ToJsonString(Readable)}";
                if (i >= y.Count) return $"{path}[{i}] is committed but no longer in the code: {x[i]?.ToJsonString(Readable)}";
                if (FirstDifference(x[i], y[i], $"{path}[{i}]") is { } inner) return inner;
            }
            return null;
        }
        return JsonNode.DeepEquals(committed, served) ? null
            : $"{path} is {Shown(committed)} in docs/openapi.json but {Shown(served)} in the code";
    }

    static string Shown(JsonNode? node)
    {
        var text = node?.ToJsonString(Readable) ?? "null";
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
