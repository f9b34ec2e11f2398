using System.Text.Json.Nodes;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Fields;

public class FieldTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Define_list_and_set_values_by_type()
    {
        var session = await factory.SignInAsync();
        var insurance = await Define(session, "Insurance number", "text");
        var firstVisit = await Define(session, "First visit", "date");
        var sessions = await Define(session, "Sessions agreed", "number");
        var client = await session.CreateClientAsync("Ana", "Souza");

        await SetValue(session, client.Id(), insurance.Id(), JsonValue.Create("ABC-123"), 200);
        await SetValue(session, client.Id(), firstVisit.Id(), JsonValue.Create("2026-01-15"), 200);
        var record = await SetValue(session, client.Id(), sessions.Id(), JsonValue.Create("12"), 200);

        var values = record["fields"]!.AsArray().ToDictionary(f => f!.Str("label"), f => f!.Str("value"));
        Assert.Equal("ABC-123", values["Insurance number"]);
        Assert.Equal("2026-01-15", values["First visit"]);
        Assert.Equal("12", values["Sessions agreed"]);

        var list = await Json.ReadAsync(await session.Http.GetAsync("/api/fields"), 200);
        Assert.Equal(["First visit", "Insurance number", "Sessions agreed"], list["items"]!.AsArray().Select(f => f!.Str("label")).ToArray());
    }

    [Fact]
    public async Task Numbers_may_be_json_numbers()
    {
        var session = await factory.SignInAsync();
        var weight = await Define(session, "Weight", "number");
        var client = await session.CreateClientAsync();
        var record = await SetValue(session, client.Id(), weight.Id(), JsonValue.Create(72.5), 200);
        Assert.Equal("72.5", record["fields"]![0]!.Str("value"));
    }

    [Fact]
    public async Task Null_clears_a_value()
    {
        var session = await factory.SignInAsync();
        var note = await Define(session, "Referral", "text");
        var client = await session.CreateClientAsync();
        await SetValue(session, client.Id(), note.Id(), JsonValue.Create("Dr. Lima"), 200);
        var record = await SetValue(session, client.Id(), note.Id(), null, 200);
        Assert.Empty(record["fields"]!.AsArray());
    }

    [Theory]
    [InlineData("email", "\"not-an-address\"")]
    [InlineData("phone", "\"call me\"")]
    [InlineData("date", "\"15/01/2026\"")]
    [InlineData("number", "\"twelve\"")]
    [InlineData("number", "true")]
    [InlineData("text", "{\"nested\":1}")]
    public async Task Values_are_validated_by_type(string type, string json)
    {
        var session = await factory.SignInAsync();
        var field = await Define(session, $"Field {type}", type);
        var client = await session.CreateClientAsync();
        var problem = await Json.ProblemAsync(await session.SendRawAsync(HttpMethod.Put, $"/api/clients/{client.Id()}/fields/{field.Id()}", $"{{\"value\":{json}}}"), 400, "validation-failed");
        Assert.NotNull(problem["errors"]!["value"]);
    }

    [Fact]
    public async Task Text_values_over_1000_characters_are_refused()
    {
        var session = await factory.SignInAsync();
        var field = await Define(session, "Notes", "text");
        var client = await session.CreateClientAsync();
        var response = await session.SendRawAsync(HttpMethod.Put, $"/api/clients/{client.Id()}/fields/{field.Id()}", $"{{\"value\":\"{new string('x', 1001)}\"}}");
        await Json.ProblemAsync(response, 400, "validation-failed");
    }

    [Fact]
    public async Task Email_fields_take_part_in_lookup_and_conflicts()
    {
        var session = await factory.SignInAsync();
        var workEmail = await Define(session, "Work email", "email");
        var owner = await session.CreateClientAsync("Bia", "Reis", "bia@example.com");
        var other = await session.CreateClientAsync("Caio", "Reis");

        await Json.ProblemAsync(await session.SendRawAsync(HttpMethod.Put, $"/api/clients/{other.Id()}/fields/{workEmail.Id()}", """{"value":"bia@example.com"}"""), 409, "email-in-use");
        await SetValue(session, other.Id(), workEmail.Id(), JsonValue.Create("caio@work.example.com"), 200);
        var match = (await session.LookupAsync("caio@work.example.com"))["results"]![0]!["matches"]![0]!;
        Assert.Equal("Work email", match.Str("matchedAs"));
        Assert.NotEqual(owner.Id(), Guid.Parse(match.Str("clientId")));
    }

    [Fact]
    public async Task Duplicate_labels_conflict_case_insensitively()
    {
        var session = await factory.SignInAsync();
        var first = await Define(session, "Emergency contact", "text");
        var problem = await Json.ProblemAsync(await session.PostJsonAsync("/api/fields", new { label = "EMERGENCY CONTACT", type = "phone" }), 409, "field-exists");
        Assert.Equal(first.Id(), Guid.Parse(problem.Str("existingFieldId")));
    }

    [Theory]
    [InlineData("""{"label":"","type":"text"}""", "label")]
    [InlineData("""{"label":"Ok","type":"color"}""", "type")]
    [InlineData("""{"label":"Ok","type":"2"}""", "type")]
    [InlineData("""{"type":"text"}""", "label")]
    public async Task Invalid_definitions_are_refused(string body, string property)
    {
        var session = await factory.SignInAsync();
        var problem = await Json.ProblemAsync(await session.SendRawAsync(HttpMethod.Post, "/api/fields", body), 400, "validation-failed");
        Assert.NotNull(problem["errors"]![property]);
    }

    [Fact]
    public async Task Unknown_field_or_client_is_not_found()
    {
        var session = await factory.SignInAsync();
        var field = await Define(session, "Anything", "text");
        var client = await session.CreateClientAsync();
        await Json.ProblemAsync(await session.SendRawAsync(HttpMethod.Put, $"/api/clients/{client.Id()}/fields/{Guid.NewGuid()}", """{"value":"x"}"""), 404, "not-found");
        await Json.ProblemAsync(await session.SendRawAsync(HttpMethod.Put, $"/api/clients/{Guid.NewGuid()}/fields/{field.Id()}", """{"value":"x"}"""), 404, "not-found");
    }

    static async Task<JsonObject> Define(TenantSession session, string label, string type) =>
        await Json.ReadAsync(await session.PostJsonAsync("/api/fields", new { label, type }), 201);

    static async Task<JsonObject> SetValue(TenantSession session, Guid clientId, Guid fieldId, JsonNode? value, int status) =>
        await Json.ReadAsync(await session.SendRawAsync(HttpMethod.Put, $"/api/clients/{clientId}/fields/{fieldId}", new JsonObject { ["value"] = value }.ToJsonString()), status);
}
