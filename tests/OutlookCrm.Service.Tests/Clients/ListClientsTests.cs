using System.Text.Json.Nodes;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Clients;

public class ListClientsTests(CapturingServiceFactory factory) : IClassFixture<CapturingServiceFactory>
{
    [Fact]
    public async Task Orders_by_last_name_first_name_then_id()
    {
        var session = await factory.SignInAsync();
        await session.CreateClientAsync("Zeca", "Almeida");
        await session.CreateClientAsync("Ana", "Lima");
        await session.CreateClientAsync("Bruno", "almeida");
        await session.CreateClientAsync("Li", "Li");

        var names = await Names(session, "/api/clients");
        Assert.Equal(["Bruno almeida", "Zeca Almeida", "Li Li", "Ana Lima"], names);
    }

    [Fact]
    public async Task Search_is_case_and_accent_insensitive_over_names_and_every_address()
    {
        var session = await factory.SignInAsync();
        var joao = await session.CreateClientAsync("João", "Araújo", "jaraujo@example.com");
        await session.PostJsonAsync($"/api/clients/{joao.Id()}/emails", new { address = "joao.home@example.org", @as = "secondary" });
        await session.CreateClientAsync("Maria", "Clara Souza", "maria@example.com", new { preferredName = "Mari" });

        Assert.Equal(["João Araújo"], await Names(session, "/api/clients?search=JOAO"));
        Assert.Equal(["João Araújo"], await Names(session, "/api/clients?search=arau"));
        Assert.Equal(["João Araújo"], await Names(session, "/api/clients?search=joao.home@"));
        Assert.Equal(["João Araújo"], await Names(session, "/api/clients?search=JARAUJO@EXAMPLE.COM"));
        Assert.Equal(["Mari Clara Souza"], await Names(session, "/api/clients?search=souza%20mar"));
        Assert.Equal(["Mari Clara Souza"], await Names(session, "/api/clients?search=mari"));
        Assert.Empty(await Names(session, "/api/clients?search=nobody"));
    }

    [Fact]
    public async Task Pages_with_a_cursor_without_losing_or_repeating_anyone()
    {
        var session = await factory.SignInAsync();
        for (var i = 0; i < 7; i++) await session.CreateClientAsync($"Pessoa{i}", "Paginada");

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Json.ReadAsync(await session.Http.GetAsync($"/api/clients?search=paginada&limit=3{(cursor is null ? "" : "&cursor=" + cursor)}"), 200);
            seen.AddRange(page["items"]!.AsArray().Select(i => i.Str("id")));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(7, seen.Distinct().Count());
        Assert.Equal(7, seen.Count);
    }

    [Fact]
    public async Task The_last_page_has_no_cursor()
    {
        var session = await factory.SignInAsync();
        await session.CreateClientAsync("Solo", "Client");
        var page = await Json.ReadAsync(await session.Http.GetAsync("/api/clients?limit=5"), 200);
        Assert.Null(page["nextCursor"]);
        Assert.True(page.ContainsKey("nextCursor"));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=-5")]
    [InlineData("limit=ten")]
    public async Task Limits_that_are_not_positive_numbers_are_refused(string query)
    {
        var session = await factory.SignInAsync();
        await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients?{query}"), 400, "validation-failed");
    }

    [Fact]
    public async Task A_limit_over_100_is_clamped_to_100()
    {
        var session = await factory.SignInAsync();
        for (var i = 0; i < 102; i++) await session.CreateClientAsync($"Many{i:000}", "Clamped");
        var page = await Json.ReadAsync(await session.Http.GetAsync("/api/clients?limit=100000"), 200);
        Assert.Equal(100, page["items"]!.AsArray().Count);
        Assert.NotNull(page["nextCursor"]);
    }

    [Fact]
    public async Task A_forged_or_foreign_cursor_is_refused()
    {
        var session = await factory.SignInAsync();
        for (var i = 0; i < 3; i++) await session.CreateClientAsync($"Cursor{i}", "Forge");
        var page = await Json.ReadAsync(await session.Http.GetAsync("/api/clients?limit=1"), 200);
        var cursor = page.Str("nextCursor");

        var tampered = cursor[..^2] + (cursor[^2] == 'A' ? "B" : "A") + cursor[^1];
        await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients?limit=1&cursor={tampered}"), 400, "invalid-cursor");
        await Json.ProblemAsync(await session.Http.GetAsync("/api/clients?limit=1&cursor=bm90LWEtY3Vyc29y"), 400, "invalid-cursor");
        await Json.ProblemAsync(await session.Http.GetAsync("/api/clients?limit=1&cursor=%%%"), 400, "invalid-cursor");
        // A cursor is bound to its search and to its workspace.
        await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients?limit=1&search=forge&cursor={cursor}"), 400, "invalid-cursor");
        var stranger = await factory.SignInAsync();
        await Json.ProblemAsync(await stranger.Http.GetAsync($"/api/clients?limit=1&cursor={cursor}"), 400, "invalid-cursor");
    }

    [Fact]
    [Trait("Database", "SqliteOnly")] // SQLite's plan for the captured statement
    public async Task Search_and_listing_are_index_seeks()
    {
        var session = await factory.SignInAsync();
        await session.CreateClientAsync("Index", "Seek", "index@example.com");
        foreach (var url in new[] { "/api/clients?search=seek", "/api/clients?limit=10" })
        {
            factory.Capture.Clear();
            await Json.ReadAsync(await session.Http.GetAsync(url), 200);
            var (sql, parameters) = factory.Capture.Commands.Single(c => c.Sql.Contains("SortKey", StringComparison.Ordinal));
            var plan = CommandCapture.PlanOf(factory.DatabasePath, sql, parameters);
            Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal));
            Assert.Contains(plan, line => line.Contains("WorkspaceId=?", StringComparison.Ordinal));
        }
    }

    static async Task<string[]> Names(TenantSession session, string url)
    {
        var page = await Json.ReadAsync(await session.Http.GetAsync(url), 200);
        return page["items"]!.AsArray().Select(i => i.Str("displayName")).ToArray();
    }
}
