using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.History.HistoryTestData;

namespace OutlookCrm.Service.Tests.History;

/// <summary>
/// A budget shorter than one Graph attempt's own timeout (2 s, in MailboxSetup): if the page answers
/// before any retry, the budget ended the wait, not the HTTP pipeline's timeout.
/// </summary>
public sealed class ShortBudgetGraphServiceFactory : GraphServiceFactory
{
    protected override TimeSpan MailboxBudget => TimeSpan.FromMilliseconds(500);
}

public class MailboxBudgetTests(ShortBudgetGraphServiceFactory factory) : IClassFixture<ShortBudgetGraphServiceFactory>
{
    [Fact]
    public async Task A_hanging_graph_gives_the_database_items_once_the_budget_is_spent()
    {
        var session = await factory.SignInAsync();
        var address = $"hang.{Guid.NewGuid():N}@example.com";
        var client = (await session.CreateClientAsync("Hanging", "Graph", address)).Id();
        await SaveAsync(session, client, Email("<kept@x.example.com>", address, DateTime.UtcNow.AddHours(-2), "Still shown"));
        var graphAnswers = new TaskCompletionSource();
        for (var i = 0; i < 4; i++) factory.Graph.Faults.Enqueue(FakeGraphServer.HoldUntil(graphAnswers.Task));
        try
        {
            // Graph answers only after this returns: had the page waited for Graph, it would never return.
            var history = await HistoryAsync(session, client);

            Assert.Equal("unavailable", history["sources"]!.Str("mailbox"));
            Assert.Contains(history["items"]!.AsArray(), i => i!["subject"]?.GetValue<string>() == "Still shown");
            // A retry follows only an attempt's own timeout; at most the first attempt means the budget came first.
            Assert.InRange(factory.Graph.Requests.Count(r => r.Search.Contains(address)), 0, 1);
        }
        finally
        {
            graphAnswers.SetResult();
            factory.Graph.Faults.Clear();
        }
    }
}
