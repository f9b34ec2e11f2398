using Microsoft.Extensions.Logging.Abstractions;
using OutlookCrm.Service.Audit;

namespace OutlookCrm.Service.Tests.Audit;

/// <summary>
/// The group-commit writer's promise: a request's record is committed exactly once before its write
/// completes, a stop commits everything already accepted, and a record offered after the stop is
/// refused (its request fails) rather than dropped.
/// </summary>
public class AuditWriterTests
{
    /// <summary>Keeps every committed record; the first batch waits until the test lets it through.</summary>
    sealed class GatedStore : IAuditStore
    {
        public readonly TaskCompletionSource FirstBatchStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource ReleaseFirstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly List<AuditRecord> Committed = [];
        int batches;

        public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref batches) == 1)
            {
                FirstBatchStarted.SetResult();
                await ReleaseFirstBatch.Task;
            }
            lock (Committed) Committed.AddRange(records);
        }
    }

    static AuditRecord Record(int i) => new() { Action = "lookup", ObjectId = i.ToString(), OccurredAt = DateTime.UtcNow, Outcome = "success", CorrelationId = "c" };

    [Fact]
    public async Task Stopping_commits_every_accepted_record_once_and_refuses_later_ones()
    {
        var store = new GatedStore();
        var writer = new AuditWriter(store, NullLogger<AuditWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        var first = writer.WriteAsync(Record(0), CancellationToken.None);
        await store.FirstBatchStarted.Task;
        // Accepted while the first batch is still committing: they wait in the queue.
        var queued = Enumerable.Range(1, 200).Select(i => writer.WriteAsync(Record(i), CancellationToken.None)).ToList();

        var stopping = writer.StopAsync(CancellationToken.None);
        Assert.False(first.IsCompleted);
        store.ReleaseFirstBatch.SetResult();
        await stopping;

        // Every accepted write completed successfully (the bound only turns a lost write into a failure instead of a hang).
        await Task.WhenAll(queued.Append(first)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(0, 201), store.Committed.Select(r => int.Parse(r.ObjectId!)).Order());
        Assert.Throws<InvalidOperationException>(() => { _ = writer.WriteAsync(Record(999), CancellationToken.None); });
        Assert.DoesNotContain(store.Committed, r => r.ObjectId == "999");
    }
}
