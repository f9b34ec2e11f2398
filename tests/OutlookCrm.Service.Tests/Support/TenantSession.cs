using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutlookCrm.Service.Tests.Support;

/// <summary>An HTTP client signed in as one user of one tenant, with helpers for the common calls.</summary>
public sealed class TenantSession(ServiceFactory factory, Guid tenantId, Guid userId)
{
    public Guid TenantId { get; } = tenantId;
    public Guid UserId { get; } = userId;
    public HttpClient Http { get; } = factory.CreateClient();
    public string AccessToken { get; private set; } = "";

    internal async Task AuthenticateAsync(string name, string email)
    {
        var response = await Http.PostAsJsonAsync("/dev/token", new { tenantId = TenantId, userId = UserId, name, email });
        response.EnsureSuccessStatusCode();
        AccessToken = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string url, object body) => Http.PostAsJsonAsync(url, body);

    public Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string url, string body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return Http.SendAsync(request);
    }

    public async Task<JsonObject> CreateClientAsync(string firstName = "Ana", string lastName = "Souza", string? email = null, object? extra = null)
    {
        var body = new JsonObject { ["firstName"] = firstName, ["lastName"] = lastName };
        if (email is not null) body["email"] = email;
        if (extra is not null)
            foreach (var (key, value) in JsonSerializer.SerializeToNode(extra)!.AsObject()) body[key] = value?.DeepClone();
        var response = await Http.PostAsJsonAsync("/api/clients", body);
        return await Json.ReadAsync(response, 201);
    }

    public async Task<Guid> WorkspaceIdAsync() =>
        (await Json.ReadAsync(await Http.GetAsync("/api/me"), 200))["workspace"]!.AsObject().Id();

    public async Task<JsonObject> GetClientAsync(Guid id) => await Json.ReadAsync(await Http.GetAsync($"/api/clients/{id}"), 200);

    public Task<HttpResponseMessage> LookupAsyncRaw(params string?[] addresses) => Http.PostAsJsonAsync("/api/lookup", new { addresses });

    public async Task<JsonObject> LookupAsync(params string?[] addresses) =>
        await Json.ReadAsync(await Http.PostAsJsonAsync("/api/lookup", new { addresses }), 200);
}
