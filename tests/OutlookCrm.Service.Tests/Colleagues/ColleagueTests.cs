using OutlookCrm.Service.Tests.NeverTrack;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Colleagues;

/// <summary>Development names the organisation's domains in configuration.</summary>
public sealed class ConfiguredColleaguesFactory : ServiceFactory
{
    public ConfiguredColleaguesFactory() => Settings["Colleagues:Domains:0"] = "Clínica.example";
}

public class ConfiguredColleagueTests(ConfiguredColleaguesFactory factory) : IClassFixture<ConfiguredColleaguesFactory>
{
    [Fact]
    public async Task An_address_at_the_organisations_domain_is_a_colleague_unless_a_client_has_it()
    {
        var session = await factory.SignInAsync();
        await session.CreateClientAsync("Rita", "Lee", "rita@Clínica.example");

        Assert.Equal(["colleague", "client", "unknown"],
            await NeverTrackTests.StatusesAsync(session, "Dra.Paula@Clínica.example", "rita@clínica.example", "paula@other.example"));
    }
}

public class GraphColleagueTests(GraphServiceFactory factory) : IClassFixture<GraphServiceFactory>
{
    [Fact]
    public async Task The_organisations_verified_domains_are_read_from_graph_once_per_workspace_on_behalf_of_the_user()
    {
        factory.Graph.VerifiedDomains.AddRange(["clinic.example", "clinic.onmicrosoft.com"]);
        var tenant = Guid.NewGuid();
        var first = await factory.SignInAsync(tenant);
        var second = await factory.SignInAsync(tenant);
        var before = factory.Graph.OrganizationRequests.Count;

        Assert.Equal(["colleague", "colleague", "unknown"],
            await NeverTrackTests.StatusesAsync(first, "paula@clinic.example", "admin@clinic.onmicrosoft.com", "client@family.example"));
        Assert.Equal(["colleague"], await NeverTrackTests.StatusesAsync(second, "joao@clinic.example"));

        var request = Assert.Single(factory.Graph.OrganizationRequests.Skip(before));
        Assert.Equal("verifiedDomains", request.Select);
        Assert.Equal("Bearer " + GraphServiceFactory.TokenFor(first.UserId), request.Authorization);
        Assert.Contains(["User.Read"], factory.ScopesAskedFor(first.UserId));
    }

    [Fact]
    public async Task When_graph_cannot_answer_nobody_is_a_colleague_and_suggestions_still_work()
    {
        var session = await factory.SignInAsync();
        factory.Graph.Faults.Enqueue(FakeGraphServer.Status(503));
        factory.Graph.Faults.Enqueue(FakeGraphServer.Status(503));
        factory.Graph.Faults.Enqueue(FakeGraphServer.Status(503));
        factory.Graph.Faults.Enqueue(FakeGraphServer.Status(503));

        Assert.Equal(["unknown"], await NeverTrackTests.StatusesAsync(session, "paula@clinic.example"));
    }
}
