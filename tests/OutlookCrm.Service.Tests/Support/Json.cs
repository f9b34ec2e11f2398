using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OutlookCrm.Service.Tests.Support;

public static class Json
{
    /// <summary>Reads a JSON object body after checking the status, showing the body when the status is wrong.</summary>
    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response, int expectedStatus)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"Expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Asserts an RFC 9457 problem response with the given status and code.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, int expectedStatus, string expectedCode)
    {
        var problem = await ReadAsync(response, expectedStatus);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expectedCode, problem["code"]?.GetValue<string>());
        Assert.Equal(expectedStatus, problem["status"]?.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        return problem;
    }

    public static Guid Id(this JsonObject node, string property = "id") => Guid.Parse(node[property]!.GetValue<string>());

    public static string Str(this JsonNode? node, string property) => node![property]!.GetValue<string>();
}
