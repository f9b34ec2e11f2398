using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.Service.Lookup;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Lookup;

/// <summary>
/// The embedded database answers lookups with its own prepared statement; SQL Server with the EF Core
/// query. Both run here on SQLite and must find the same owners, in the caller's workspace only.
/// </summary>
[Trait("Database", "SqliteOnly")]
public class LookupQueryTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task The_prepared_lookup_and_the_ef_core_query_find_the_same_owners()
    {
        var session = await factory.SignInAsync();
        var ana = await session.CreateClientAsync("Ana", "Souza", "ana@example.com");
        await session.PostJsonAsync($"/api/clients/{ana.Id()}/emails", new { address = "family@example.org", @as = "secondary" });
        var bia = await session.CreateClientAsync("Bia", "Souza", "family@example.org", new { allowSharedEmail = true, preferredName = "Bibi" });
        var other = await factory.SignInAsync();
        var intruder = await other.CreateClientAsync("Intruder", "Family", "family@example.org");
        // The other tenant holds both addresses too, one as primary, one in a field.
        await Json.ReadAsync(await other.PostJsonAsync($"/api/clients/{intruder.Id()}/emails", new { address = "ana@example.com", @as = "secondary" }), 200);
        var workspaceId = await session.WorkspaceIdAsync();
        string[] addresses = ["ana@example.com", "family@example.org", "nobody@example.com"];

        var prepared = factory.Services.GetRequiredService<ILookupQuery>();
        Assert.IsType<SqliteLookupQuery>(prepared);
        var fromPrepared = await prepared.FindAsync(workspaceId, addresses, CancellationToken.None);
        using var request = await RequestScope.ForAsync(factory, session);
        var fromEf = await new EfLookupQuery(request.Db).FindAsync(workspaceId, addresses, CancellationToken.None);

        string[] expected =
        [
            $"ana@example.com {ana.Id()} Ana Souza - primary",
            $"family@example.org {ana.Id()} Ana Souza - Secondary email",
            $"family@example.org {bia.Id()} Bia Souza Bibi primary",
        ];
        Assert.Equal(expected, Describe(fromPrepared));
        Assert.Equal(expected, Describe(fromEf));
    }

    [Fact]
    public async Task The_prepared_lookup_finds_nothing_in_a_workspace_without_those_addresses()
    {
        var session = await factory.SignInAsync();
        await session.CreateClientAsync("Only", "Here", "only.here@example.com");
        var stranger = await factory.SignInAsync();

        var owners = await factory.Services.GetRequiredService<ILookupQuery>()
            .FindAsync(await stranger.WorkspaceIdAsync(), ["only.here@example.com"], CancellationToken.None);
        Assert.Empty(owners);
    }

    [Fact]
    public async Task The_ef_core_query_refuses_a_workspace_that_is_not_the_callers()
    {
        var session = await factory.SignInAsync();
        using var request = await RequestScope.ForAsync(factory, session);
        var query = new EfLookupQuery(request.Db);
        await Assert.ThrowsAsync<InvalidOperationException>(() => query.FindAsync(Guid.NewGuid(), ["a@example.com"], CancellationToken.None));
    }

    static string[] Describe(IEnumerable<LookupOwner> owners) =>
        owners.Select(o => $"{o.Address} {o.ClientId} {o.FirstName} {o.LastName} {o.PreferredName ?? "-"} {o.FieldLabel ?? "primary"}")
            .Order(StringComparer.Ordinal).ToArray();
}
