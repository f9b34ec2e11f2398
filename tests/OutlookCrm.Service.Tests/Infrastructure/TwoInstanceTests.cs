using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using OutlookCrm.Service.Tests.Support;
using Xunit.Abstractions;
using static OutlookCrm.Service.Tests.Intake.IntakeTestData;

namespace OutlookCrm.Service.Tests.Infrastructure;

/// <summary>
/// Two service processes on one SQLite file, started together as a scale-out starts them, with no
/// affinity: any request may land on either.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "outlookcrm-tests", "two-instances-" + Guid.NewGuid().ToString("N"));

    public ServiceProcess A { get; private set; } = null!;
    public ServiceProcess B { get; private set; } = null!;
    public string DatabasePath => Path.Combine(dataDirectory, "outlookcrm.db");

    public async Task InitializeAsync()
    {
        var starting = new[] { ServiceProcess.StartAsync(dataDirectory), ServiceProcess.StartAsync(dataDirectory) };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var start in starting.Where(s => s.IsCompletedSuccessfully)) start.Result.Dispose();
            throw;
        }
        (A, B) = (starting[0].Result, starting[1].Result);
    }

    public Task DisposeAsync()
    {
        A?.Dispose();
        B?.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    /// <summary>One user of a new tenant, signed in on each instance: same identity, same workspace.</summary>
    public async Task<(HttpClient OnA, HttpClient OnB)> SignInOnBothAsync()
    {
        var (tenantId, userId) = (Guid.NewGuid(), Guid.NewGuid());
        return (await A.SignedInClientAsync(tenantId, userId), await B.SignedInClientAsync(tenantId, userId));
    }
}

[Trait("Database", "SqliteOnly")]
public class TwoInstanceTests(TwoInstances instances, ITestOutputHelper output) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task Parallel_creates_of_one_address_over_both_instances_make_one_client()
    {
        var (onA, onB) = await instances.SignInOnBothAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? onA : onB).PostAsJsonAsync("/api/clients", new { firstName = $"Parallel{i}", email = "shared.new@example.com" })));

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        foreach (var conflict in refused) await Json.ProblemAsync(conflict, 409, "email-in-use");
        output.WriteLine($"20 creates over 2 instances: {created}×201, {refused.Count}×409 email-in-use");
        Assert.Equal(1, created);
        Assert.Equal(19, refused.Count);
        foreach (var http in new[] { onA, onB })
        {
            var lookup = await Json.ReadAsync(await http.PostAsJsonAsync("/api/lookup", new { addresses = new[] { "shared.new@example.com" } }), 200);
            Assert.Single(lookup["results"]![0]!["matches"]!.AsArray());
        }
    }

    [Fact]
    public async Task A_stale_if_match_is_refused_by_the_other_instance()
    {
        var (onA, onB) = await instances.SignInOnBothAsync();
        var id = (await Json.ReadAsync(await onA.PostAsJsonAsync("/api/clients", new { firstName = "Stale", lastName = "Tag" }), 201)).Id();
        var read = await onA.GetAsync($"/api/clients/{id}");
        var oldTag = read.Headers.ETag!.ToString();
        var updated = await PatchAsync(onA, id, """{"lastName":"Changed on A"}""", oldTag);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var stale = await PatchAsync(onB, id, """{"lastName":"Changed on B"}""", oldTag);
        await Json.ProblemAsync(stale, 412, "version-mismatch");
        output.WriteLine($"stale If-Match {oldTag} on the other instance: {(int)stale.StatusCode} version-mismatch");
        // B refuses the stale tag, not every tag: the current one goes through.
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(onB, id, """{"lastName":"Changed on B"}""", updated.Headers.ETag!.ToString())).StatusCode);
    }

    [Fact]
    public async Task An_idempotent_replay_on_the_other_instance_gets_the_same_response()
    {
        var (onA, onB) = await instances.SignInOnBothAsync();
        var body = new { firstName = "Replay", lastName = "Across", email = "replay.across@example.com" };
        var first = await PostWithKeyAsync(onA, "k1", body);
        var replay = await PostWithKeyAsync(onB, "k1", body);

        var (firstBody, replayBody) = (await first.Content.ReadAsByteArrayAsync(), await replay.Content.ReadAsByteArrayAsync());
        output.WriteLine($"Idempotency-Key k1: {(int)first.StatusCode} on A, {(int)replay.StatusCode} on B, bodies identical: {firstBody.SequenceEqual(replayBody)} ({firstBody.Length} bytes)");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(first.StatusCode, replay.StatusCode);
        Assert.Equal(firstBody, replayBody);
        var lookup = await Json.ReadAsync(await onB.PostAsJsonAsync("/api/lookup", new { addresses = new[] { body.email } }), 200);
        Assert.Single(lookup["results"]![0]!["matches"]!.AsArray());
    }

    [Fact]
    public async Task An_intake_form_rendered_by_one_instance_is_accepted_by_the_other()
    {
        var (onA, _) = await instances.SignInOnBothAsync();
        const string address = "intake.across@example.com";
        var clientId = (await Json.ReadAsync(await onA.PostAsJsonAsync("/api/clients", new { firstName = "Intake", lastName = "Across", email = address }), 201)).Id();
        var intake = await Json.ReadAsync(await onA.PostAsJsonAsync($"/api/clients/{clientId}/intakes", new { }), 201);
        var path = PathOf(await LinkForAsync(onA, address));

        var cookies = new CookieContainer();
        using var browserOnA = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = instances.A.BaseAddress };
        var (_, antiforgery) = await OpenFormAsync(browserOnA, path);
        var cookie = cookies.GetCookies(instances.A.BaseAddress)["outlookcrm.form"];
        Assert.NotNull(cookie);

        // The browser's next request lands on B, carrying what A gave it.
        using var browserOnB = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = instances.B.BaseAddress };
        var submit = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(CompleteDefaultAnswers.Select(a => new KeyValuePair<string, string>(a.Item1, a.Item2)).Append(antiforgery)),
        };
        submit.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        var done = await browserOnB.SendAsync(submit);
        var html = await done.Content.ReadAsStringAsync();
        Assert.True(done.StatusCode == HttpStatusCode.OK, $"{done.StatusCode}: {html}");
        Assert.Contains("Your answers have been sent", html);

        var status = (await Json.ReadAsync(await onA.GetAsync($"/api/clients/{clientId}/intakes/{intake.Str("id")}"), 200)).Str("status");
        output.WriteLine($"intake form from A submitted to B with A's cookie: {(int)done.StatusCode} done; status on A: {status}");
        Assert.Equal("completed", status);
    }

    [Fact]
    public void Instances_that_start_together_create_one_data_protection_key()
    {
        // Two keys would mean each instance protects with its own and, after Data Protection's
        // two-minute refresh-on-unknown-key window, refuses what the other protected.
        var keys = DatabaseFile.Count(instances.DatabasePath, "SELECT COUNT(*) FROM DataProtectionKeys");
        output.WriteLine($"Data Protection keys after both instances started together: {keys}");
        Assert.Equal(1, keys);
    }

    [Fact]
    public async Task A_list_cursor_from_one_instance_is_accepted_by_the_other()
    {
        var (onA, onB) = await instances.SignInOnBothAsync();
        for (var i = 0; i < 2; i++) await Json.ReadAsync(await onA.PostAsJsonAsync("/api/clients", new { firstName = $"Page{i}", lastName = "Cursor" }), 201);
        var first = await Json.ReadAsync(await onA.GetAsync("/api/clients?limit=1"), 200);
        var cursor = first.Str("nextCursor");

        var next = await onB.GetAsync($"/api/clients?limit=1&cursor={cursor}");
        var second = await Json.ReadAsync(next, 200);
        output.WriteLine($"cursor from A on B: {(int)next.StatusCode}");
        Assert.NotEqual(first["items"]![0]!.AsObject().Id(), second["items"]![0]!.AsObject().Id());
    }

    static Task<HttpResponseMessage> PatchAsync(HttpClient http, Guid id, string json, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/clients/{id}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return http.SendAsync(request);
    }

    static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient http, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/clients") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request);
    }
}
