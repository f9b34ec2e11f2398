using Microsoft.Data.Sqlite;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Audit;

/// <summary>
/// Appends to the embedded database without EF Core: every lookup writes a record, and EF's change
/// tracking and a new prepared statement per batch cost more than the insert (BENCHMARKS.md). One
/// connection with its INSERT prepared once; values bound as EF Core stores them on SQLite (Guids as
/// upper-case text, times in its 'yyyy-MM-dd HH:mm:ss.FFFFFFF' text), which the audit tests read back through EF Core.
/// The <see cref="AuditWriter"/> sends one batch at a time; <see cref="SqliteCheckpointer"/> keeps its
/// commits short.
/// </summary>
sealed class SqliteAuditStore(SqliteDatabase database, SqliteCheckpointer checkpointer) : IAuditStore, IDisposable
{
    const string Insert = $"""
        INSERT INTO {AuditRecordConfiguration.Table} (WorkspaceId, TenantId, UserId, Action, ObjectType, ObjectId, OccurredAt, Outcome, Replay, CorrelationId, RevealedClients)
        VALUES ($workspace, $tenant, $user, $action, $objectType, $objectId, $occurredAt, $outcome, $replay, $correlation, $revealed)
        """;

    readonly Lock gate = new();
    Appender? appender;
    bool disposed;

    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Uncontended in the service (the writer sends one batch at a time); a second caller waits its turn.
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            appender ??= database.Open(connection => new Appender(connection));
            try
            {
                appender.Append(records);
            }
            catch
            {
                // Reopened for the next batch: the connection may be what failed.
                appender.Dispose();
                appender = null;
                throw;
            }
        }
        checkpointer.WalGrew();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            appender?.Dispose();
            appender = null;
        }
    }

    sealed class Appender : IDisposable
    {
        readonly SqliteConnection connection;
        readonly SqliteCommand command;
        readonly SqliteParameter workspace, tenant, user, action, objectType, objectId, occurredAt, outcome, replay, correlation, revealed;

        public Appender(SqliteConnection connection)
        {
            this.connection = connection;
            command = connection.CreateCommand();
            command.CommandText = Insert;
            workspace = command.Parameters.Add("$workspace", SqliteType.Text);
            tenant = command.Parameters.Add("$tenant", SqliteType.Text);
            user = command.Parameters.Add("$user", SqliteType.Text);
            action = command.Parameters.Add("$action", SqliteType.Text);
            objectType = command.Parameters.Add("$objectType", SqliteType.Text);
            objectId = command.Parameters.Add("$objectId", SqliteType.Text);
            occurredAt = command.Parameters.Add("$occurredAt", SqliteType.Text);
            outcome = command.Parameters.Add("$outcome", SqliteType.Text);
            replay = command.Parameters.Add("$replay", SqliteType.Integer);
            correlation = command.Parameters.Add("$correlation", SqliteType.Text);
            revealed = command.Parameters.Add("$revealed", SqliteType.Text);
            command.Prepare();
        }

        public void Append(IReadOnlyList<AuditRecord> records)
        {
            // IMMEDIATE: takes the write lock up front, waiting (busy_timeout) behind other writers.
            using var transaction = connection.BeginTransaction(deferred: false);
            command.Transaction = transaction;
            foreach (var record in records)
            {
                workspace.Value = (object?)record.WorkspaceId ?? DBNull.Value;
                tenant.Value = (object?)record.TenantId ?? DBNull.Value;
                user.Value = (object?)record.UserId ?? DBNull.Value;
                action.Value = record.Action;
                objectType.Value = (object?)record.ObjectType ?? DBNull.Value;
                objectId.Value = (object?)record.ObjectId ?? DBNull.Value;
                occurredAt.Value = AppDbContext.AsStoredUtc(record.OccurredAt);
                outcome.Value = record.Outcome;
                replay.Value = record.Replay;
                correlation.Value = record.CorrelationId;
                revealed.Value = (object?)record.RevealedClients ?? DBNull.Value;
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }

        public void Dispose()
        {
            command.Dispose();
            connection.Dispose();
        }
    }
}
