using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OutlookCrm.Service.Clients;

using static Benchmarks.SqliteBulk;

namespace Benchmarks;

/// <summary>
/// One client with N history items (half saved emails, half record events), beside 50 other clients
/// with 200 items each, written straight into a migrated SQLite file as the service would write them.
/// </summary>
static class HistorySeeder
{
    public static async Task<Guid> SeedAsync(string databasePath, Guid tenantId, int items)
    {
        await using var connection = await OpenMigratedAsync(databasePath);
        var watch = Stopwatch.StartNew();
        var workspaceId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        var now = DateTime.UtcNow;
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"INSERT INTO Workspaces (Id, TenantId, CreatedAt, MatchKeysIndexed) VALUES ('{Text(workspaceId)}', '{Text(tenantId)}', '{Time(now)}', 1)", transaction);

        var target = Guid.Empty;
        for (var c = 0; c < 51; c++)
        {
            var clientId = Guid.CreateVersion7();
            if (c == 0) target = clientId;
            var email = $"history{c}@example.com";
            Execute(connection,
                "INSERT INTO Clients (Id, WorkspaceId, FirstName, LastName, Email, EmailNormalized, Status, SortKey, Version, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy) " +
                $"VALUES ('{Text(clientId)}', '{Text(workspaceId)}', 'History{c}', 'Client', '{email}', '{email}', 'Active', '{ClientNames.SortKey("Client", $"History{c}", clientId)}', 1, '{Time(now)}', '{Text(userId)}', '{Time(now)}', '{Text(userId)}')",
                transaction);
            var count = c == 0 ? items : 200;
            using var saved = Prepare(connection, transaction,
                "INSERT INTO SavedEmails (Id, WorkspaceId, ClientId, InternetMessageId, ItemId, Subject, FromAddress, FromName, \"To\", Cc, SentAt, Preview, SavedAt, SavedBy) " +
                "VALUES ($id, $ws, $client, $mid, NULL, $subject, $from, 'Client', '[{\"name\":\"Clinic\",\"address\":\"clinic@example.com\"}]', '[]', $at, 'A short preview of the message', $at, $user)",
                "$id", "$ws", "$client", "$mid", "$subject", "$from", "$at", "$user");
            using var events = Prepare(connection, transaction,
                "INSERT INTO ClientEvents (Id, WorkspaceId, ClientId, Kind, OccurredAt, ActorId, Detail) VALUES ($id, $ws, $client, 'FieldChanged', $at, $user, '{\"label\":\"Notes\"}')",
                "$id", "$ws", "$client", "$at", "$user");
            for (var i = 0; i < count; i++)
            {
                var at = Time(now.AddMinutes(-i * 7 - c));
                if (i % 2 == 0) Run(saved, Text(Guid.CreateVersion7()), Text(workspaceId), Text(clientId), $"<m{c}.{i}@mail.example.com>", $"Message {i}", email, at, Text(userId));
                else Run(events, Text(Guid.CreateVersion7()), Text(workspaceId), Text(clientId), at, Text(userId));
            }
        }
        transaction.Commit();
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        Console.WriteLine($"  seeded {items:N0} history items for one client (and 10,000 for 50 others) in {watch.Elapsed.TotalSeconds:F1} s");
        return target;
    }
}
