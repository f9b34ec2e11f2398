using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.History.HistoryTestData;

namespace OutlookCrm.Service.Tests.Problems;

/// <summary>A whole workflow, refusals included, writes no address, name or subject to the logs.</summary>
public class LogPrivacyTests
{
    sealed class CapturingFactory : ServiceFactory
    {
        public LogCapture Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    [Fact]
    public async Task Logs_never_hold_personal_data()
    {
        using var factory = new CapturingFactory();
        var session = await factory.SignInAsync(name: "Practitioner Zelda", email: "zelda.practitioner@clinic.example.com");
        var client = await session.CreateClientAsync("Xerxes", "Quintanilha", "xerxes.q@example.com");
        var id = client.Id();
        await session.PostJsonAsync("/api/clients", new { firstName = "Xerxes", email = "xerxes.q@example.com" }); // 409
        await session.PostJsonAsync($"/api/clients/{id}/emails", new { address = "xq.home@example.org", @as = "secondary" });
        await session.Http.DeleteAsync($"/api/clients/{id}/emails/xq.home@example.org");
        await session.Http.DeleteAsync($"/api/clients/{id}/emails/not.there@example.org"); // 404
        await session.LookupAsync("xerxes.q@example.com", "unknown.person@example.net");
        await session.Http.GetAsync("/api/clients?search=quintanilha");
        await SaveAsync(session, id, Email("<privacy@x.example.com>", "xerxes.q@example.com", DateTime.UtcNow, "Anxiety follow-up", "Feeling worse since Tuesday"));
        await session.Http.GetAsync($"/api/clients/{id}/history");
        await session.Http.GetAsync($"/api/clients/{id}/export");
        await session.SendRawAsync(HttpMethod.Post, "/api/clients", "{\"firstName\": \"Xerxes\", \"email\": ");
        await session.Http.PutAsJsonAsync($"/api/clients/{id}/fields/{Guid.NewGuid()}", new { value = "Quintanilha" });
        await factory.CreateClient().GetAsync("/api/me");

        Assert.NotEmpty(factory.Logs.Lines);
        var secrets = new[] { "xerxes", "quintanilha", "xq.home", "not.there", "unknown.person", "anxiety", "feeling worse", "zelda", "clinic.example.com", session.AccessToken[..20] };
        foreach (var line in factory.Logs.Lines)
            foreach (var secret in secrets)
                Assert.False(line.Contains(secret, StringComparison.OrdinalIgnoreCase), $"Log line holds \"{secret}\": {line}");
    }
}
