using System.Net;
using System.Text;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Problems;

/// <summary>Hostile or broken input gets a problem response, never a 500, on every endpoint that takes a body.</summary>
public class BadInputTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    public static TheoryData<string, string> BodyEndpoints => new()
    {
        { "POST", "/api/lookup" },
        { "POST", "/api/clients" },
        { "POST", "/api/fields" },
        { "POST", "/api/clients/{client}/emails" },
        { "PUT", "/api/clients/{client}/fields/{field}" },
        { "PATCH", "/api/clients/{client}" },
        { "POST", "/dev/token" },
    };

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task Malformed_json_is_a_problem(string method, string template)
    {
        var (session, url) = await ArrangeAsync(template);
        foreach (var body in new[] { "{", "{\"firstName\": }", "not json", "\u0000" })
        {
            var response = await Send(session, method, url, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task Wrong_content_type_is_unsupported(string method, string template)
    {
        var (session, url) = await ArrangeAsync(template);
        var response = await Send(session, method, url, "firstName=Ana", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task Oversized_bodies_are_refused_before_reading(string method, string template)
    {
        var (session, url) = await ArrangeAsync(template);
        var huge = "{\"firstName\":\"" + new string('a', 70 * 1024) + "\"}";
        await Json.ProblemAsync(await Send(session, method, url, huge), 413, "payload-too-large");
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task Deeply_nested_json_is_refused(string method, string template)
    {
        var (session, url) = await ArrangeAsync(template);
        var deep = "{\"a\":" + string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)) + "}";
        var response = await Send(session, method, url, deep);
        Assert.True((int)response.StatusCode is 400 or 428, $"{response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_ids_and_routes_are_problems()
    {
        var session = await factory.SignInAsync();
        await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients/{Guid.NewGuid()}"), 404, "not-found");
        await Json.ProblemAsync(await session.Http.GetAsync("/api/clients/not-a-guid"), 404, "not-found");
        await Json.ProblemAsync(await session.Http.GetAsync("/api/nothing-here"), 404, "not-found");
    }

    [Fact]
    public async Task Search_longer_than_200_characters_is_refused()
    {
        var session = await factory.SignInAsync();
        await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients?search={new string('a', 201)}"), 400, "validation-failed");
    }

    async Task<(TenantSession Session, string Url)> ArrangeAsync(string template)
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync();
        var field = await Json.ReadAsync(await session.PostJsonAsync("/api/fields", new { label = "Notes", type = "text" }), 201);
        return (session, template.Replace("{client}", client.Str("id")).Replace("{field}", field.Str("id")));
    }

    static Task<HttpResponseMessage> Send(TenantSession session, string method, string url, string body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new(contentType);
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return session.Http.SendAsync(request);
    }
}
