using OutlookCrm.Service.Tests.History;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.NeverTrack;

public class NeverTrackHistoryTests(GraphServiceFactory factory) : IClassFixture<GraphServiceFactory>
{
    [Fact]
    public async Task History_never_pulls_mail_from_a_listed_sender_or_searches_a_listed_address()
    {
        var admin = await factory.SignInAsync();
        var client = await admin.CreateClientAsync("Ana", "Nevertrack", "ana.nevertrack@example.com");
        await Json.ReadAsync(await admin.PostJsonAsync($"/api/clients/{client.Id()}/emails", new { address = "shared-inbox@lab-results.example", @as = "secondary" }), 200);
        factory.Graph.AddMessage("nt-1", "ana.nevertrack@example.com", ["clinic@example.com"], DateTime.UtcNow.AddHours(-3), "From Ana");
        factory.Graph.AddMessage("nt-2", "digest@newsletter-nt.example", ["ana.nevertrack@example.com"], DateTime.UtcNow.AddHours(-2), "Newsletter");
        factory.Graph.AddMessage("nt-3", "shared-inbox@lab-results.example", ["clinic@example.com"], DateTime.UtcNow.AddHours(-1), "Lab results");
        await Json.ReadAsync(await admin.PostJsonAsync("/api/never-track", new { value = "newsletter-nt.example" }), 201);
        await Json.ReadAsync(await admin.PostJsonAsync("/api/never-track", new { value = "lab-results.example" }), 201);
        var searchesBefore = factory.Graph.Requests.Count;

        var items = (await HistoryTestData.HistoryAsync(admin, client.Id()))["items"]!.AsArray();

        Assert.Equal(["From Ana"], items.Where(i => i!["kind"]!.GetValue<string>() == "mailbox-email").Select(i => i!["subject"]!.GetValue<string>()));
        var search = Assert.Single(factory.Graph.Requests.Skip(searchesBefore)).Search;
        Assert.DoesNotContain("lab-results.example", search);
    }
}
