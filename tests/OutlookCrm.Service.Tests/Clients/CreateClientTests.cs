using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Clients;

public class CreateClientTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Create_returns_the_record_with_location_and_etag()
    {
        var session = await factory.SignInAsync();
        var response = await session.PostJsonAsync("/api/clients", new
        {
            firstName = " Ana ", lastName = "Souza", preferredName = "Aninha", dateOfBirth = "1990-04-01",
            phone = "+55 (11) 5555-0000", email = "Ana.Souza@Example.com",
        });

        var record = await Json.ReadAsync(response, 201);
        var id = record.Id();
        Assert.Equal($"/api/clients/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(record.Str("version"), response.Headers.ETag?.ToString());
        Assert.Equal("Ana", record.Str("firstName"));
        Assert.Equal("Aninha Souza", record.Str("displayName"));
        Assert.Equal("1990-04-01", record.Str("dateOfBirth"));
        Assert.Equal("active", record.Str("status"));
        Assert.Equal("Ana.Souza@Example.com", record.Str("email"));
        var primary = Assert.Single(record["emails"]!.AsArray());
        Assert.Equal("primary", primary!.Str("kind"));
        Assert.Equal(session.UserId, record.Id("createdBy"));
        Assert.Equal("Test Practitioner", record.Str("createdByName"));

        var read = await session.GetClientAsync(id);
        Assert.Equal(record.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task Create_without_email_is_allowed()
    {
        var session = await factory.SignInAsync();
        var record = await session.CreateClientAsync("Bruno", "");
        Assert.Null(record["email"]);
        Assert.Empty(record["emails"]!.AsArray());
        Assert.Equal("Bruno", record.Str("displayName"));
    }

    [Theory]
    [InlineData("""{"lastName":"Souza"}""", "firstName")]
    [InlineData("""{"firstName":"   "}""", "firstName")]
    [InlineData("""{"firstName":"Ana","email":"not-an-address"}""", "email")]
    [InlineData("""{"firstName":"Ana","dateOfBirth":"01/04/1990"}""", "dateOfBirth")]
    [InlineData("""{"firstName":"Ana","dateOfBirth":"2999-01-01"}""", "dateOfBirth")]
    [InlineData("""{"firstName":"Ana","phone":"call me maybe"}""", "phone")]
    [InlineData("""{"firstName":"Ana","phone":"123456789012345678901234567890123"}""", "phone")]
    [InlineData("""{"firstName":"Ana","status":"deleted"}""", "status")]
    [InlineData("""{"firstName":"Ana","status":"1"}""", "status")]
    public async Task Invalid_properties_are_named_in_a_validation_problem(string body, string property)
    {
        var session = await factory.SignInAsync();
        var problem = await Json.ProblemAsync(await session.SendRawAsync(HttpMethod.Post, "/api/clients", body), 400, "validation-failed");
        Assert.NotNull(problem["errors"]![property]);
    }

    [Fact]
    public async Task Oversized_names_are_refused()
    {
        var session = await factory.SignInAsync();
        var response = await session.PostJsonAsync("/api/clients", new { firstName = new string('a', 101) });
        var problem = await Json.ProblemAsync(response, 400, "validation-failed");
        Assert.NotNull(problem["errors"]!["firstName"]);
    }

    [Fact]
    public async Task Unknown_properties_are_ignored_and_never_bound()
    {
        var session = await factory.SignInAsync();
        var forgedId = Guid.NewGuid();
        var response = await session.PostJsonAsync("/api/clients", new
        {
            firstName = "Ana", id = forgedId, workspaceId = Guid.NewGuid(), version = 99, createdBy = Guid.NewGuid(),
        });
        var record = await Json.ReadAsync(response, 201);
        Assert.NotEqual(forgedId, record.Id());
        Assert.Equal(session.UserId, record.Id("createdBy"));
        Assert.Equal("\"1\"", record.Str("version"));
    }

    [Fact]
    public async Task An_address_of_another_client_conflicts_unless_shared_is_allowed()
    {
        var session = await factory.SignInAsync();
        var first = await session.CreateClientAsync("Carla", "Lima", "family@example.com");

        var conflict = await Json.ProblemAsync(
            await session.PostJsonAsync("/api/clients", new { firstName = "Davi", lastName = "Lima", email = "FAMILY@example.com" }), 409, "email-in-use");
        Assert.Equal(first.Id(), Guid.Parse(conflict["existingClientIds"]!.AsArray().Single()!.GetValue<string>()));

        var shared = await session.CreateClientAsync("Davi", "Lima", "family@example.com", new { allowSharedEmail = true });
        var lookup = await session.LookupAsync("family@example.com");
        var matches = lookup["results"]![0]!["matches"]!.AsArray();
        Assert.Equal([first.Id(), shared.Id()], matches.Select(m => Guid.Parse(m!.Str("clientId"))).Order().ToArray());
    }

    [Fact]
    public async Task Same_idempotency_key_and_body_replays_the_same_client()
    {
        var session = await factory.SignInAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { firstName = "Elisa", lastName = "Rocha", email = "elisa@example.com" };

        var first = await Json.ReadAsync(await PostWithKey(session, key, body), 201);
        var againResponse = await PostWithKey(session, key, body);
        var again = await Json.ReadAsync(againResponse, 201);

        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.Equal($"/api/clients/{first.Id()}", againResponse.Headers.Location?.OriginalString);
        var list = await Json.ReadAsync(await session.Http.GetAsync("/api/clients?search=elisa"), 200);
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Same_idempotency_key_with_another_body_is_unprocessable()
    {
        var session = await factory.SignInAsync();
        var key = Guid.NewGuid().ToString();
        await Json.ReadAsync(await PostWithKey(session, key, new { firstName = "Fabio" }), 201);
        await Json.ProblemAsync(await PostWithKey(session, key, new { firstName = "Fabiana" }), 422, "idempotency-key-reused");
    }

    [Fact]
    public async Task A_conflict_is_replayed_for_the_same_key()
    {
        var session = await factory.SignInAsync();
        var existing = await session.CreateClientAsync("Gil", "Prado", "gil@example.com");
        var key = Guid.NewGuid().ToString();
        var body = new { firstName = "Gilberto", email = "gil@example.com" };
        await Json.ProblemAsync(await PostWithKey(session, key, body), 409, "email-in-use");

        // Even once the address is free, the same key answers what it answered before.
        await session.Http.DeleteAsync($"/api/clients/{existing.Id()}/emails/gil@example.com");
        var replay = await Json.ProblemAsync(await PostWithKey(session, key, body), 409, "email-in-use");
        Assert.Equal(existing.Id(), Guid.Parse(replay["existingClientIds"]![0]!.GetValue<string>()));
    }

    [Fact]
    public async Task Idempotency_keys_belong_to_one_user()
    {
        var tenant = Guid.NewGuid();
        var alice = await factory.SignInAsync(tenant);
        var bob = await factory.SignInAsync(tenant);
        var key = Guid.NewGuid().ToString();
        var a = await Json.ReadAsync(await PostWithKey(alice, key, new { firstName = "Hugo" }), 201);
        var b = await Json.ReadAsync(await PostWithKey(bob, key, new { firstName = "Hugo" }), 201);
        Assert.NotEqual(a.Id(), b.Id());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("k-ñ")]
    [InlineData("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk")]
    public async Task A_malformed_idempotency_key_is_refused(string key)
    {
        var session = await factory.SignInAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/clients") { Content = JsonContent.Create(new { firstName = "Ivo" }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        await Json.ProblemAsync(await session.Http.SendAsync(request), 400, "validation-failed");
    }

    [Fact]
    public async Task Twenty_parallel_creates_for_one_new_address_make_one_client()
    {
        var session = await factory.SignInAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            session.PostJsonAsync("/api/clients", new { firstName = $"Parallel{i}", email = "parallel@example.com" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var lookup = await session.LookupAsync("parallel@example.com");
        Assert.Single(lookup["results"]![0]!["matches"]!.AsArray());
    }

    [Fact]
    public async Task Twenty_parallel_retries_with_one_key_make_one_client()
    {
        var session = await factory.SignInAsync();
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            PostWithKey(session, key, new { firstName = "Julia", email = "julia@example.com" })));
        var bodies = await Task.WhenAll(responses.Select(r => Json.ReadAsync(r, 201)));
        Assert.Single(bodies.Select(b => b.Id()).Distinct());
    }

    static Task<HttpResponseMessage> PostWithKey(TenantSession session, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/clients") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return session.Http.SendAsync(request);
    }
}
