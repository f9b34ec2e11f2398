using System.Threading.Channels;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Audit;

/// <summary>
/// Writes audit records that have no change of their own to join (reads, refusals) with group
/// commit: each request waits until its record is committed, and records that arrive together share
/// one transaction. Audited reads stay durable before they are answered without a write transaction
/// per read, which is what keeps lookups fast under load.
/// </summary>
public sealed class AuditWriter(IAuditStore store, ILogger<AuditWriter> logger) : BackgroundService
{
    const int MaxBatch = 500;
    readonly Channel<(AuditRecord Record, TaskCompletionSource Committed)> pending =
        Channel.CreateUnbounded<(AuditRecord, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    public Task WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!pending.Writer.TryWrite((record, committed))) throw new InvalidOperationException("The audit writer has stopped.");
        return committed.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(AuditRecord Record, TaskCompletionSource Committed)>(MaxBatch);
        try
        {
            while (await pending.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && pending.Reader.TryRead(out var item)) batch.Add(item);
                await CommitAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was queued is still written.
            pending.Writer.TryComplete();
            while (pending.Reader.TryRead(out var item)) batch.Add(item);
            if (batch.Count > 0) await CommitAsync(batch);
        }
    }

    async Task CommitAsync(List<(AuditRecord Record, TaskCompletionSource Committed)> batch)
    {
        try
        {
            await store.AppendAsync(batch.ConvertAll(b => b.Record), CancellationToken.None);
            foreach (var (_, committed) in batch) committed.TrySetResult();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not write {Count} audit records", batch.Count);
            foreach (var (_, committed) in batch) committed.TrySetException(e);
        }
    }
}
