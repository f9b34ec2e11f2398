using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Clients;

using static Benchmarks.SqliteBulk;

namespace Benchmarks;

/// <summary>
/// Writes N clients straight into a migrated SQLite file, each with a primary address and a
/// "Secondary email" field value, plus their search terms: the rows the service itself would write.
/// </summary>
static class LookupSeeder
{
    public static string PrimaryOf(int i) => $"client{i}@example.com";
    public static string SecondaryOf(int i) => $"client{i}.home@example.org";

    public static async Task SeedAsync(string databasePath, Guid tenantId, int count)
    {
        await using var connection = await OpenMigratedAsync(databasePath);
        var watch = Stopwatch.StartNew();

        var workspaceId = Guid.NewGuid();
        var fieldId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF");
        using (var transaction = connection.BeginTransaction())
        {
            Execute(connection, $"INSERT INTO Workspaces (Id, TenantId, CreatedAt, MatchKeysIndexed) VALUES ('{Text(workspaceId)}', '{Text(tenantId)}', '{now}', 1)", transaction);
            Execute(connection, $"INSERT INTO FieldDefinitions (Id, WorkspaceId, Label, LabelKey, Type, CreatedAt, CreatedBy) VALUES ('{Text(fieldId)}', '{Text(workspaceId)}', 'Secondary email', 'secondary email', 'Email', '{now}', '{Text(userId)}')", transaction);
            transaction.Commit();
        }

        const int batch = 50_000;
        for (var start = 0; start < count; start += batch)
        {
            using var transaction = connection.BeginTransaction();
            using var client = Prepare(connection, transaction,
                "INSERT INTO Clients (Id, WorkspaceId, FirstName, LastName, PreferredName, DateOfBirth, Phone, Email, EmailNormalized, Status, SortKey, Version, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy) " +
                "VALUES ($id, $ws, $first, $last, NULL, NULL, NULL, $email, $email, 'Active', $sort, 1, $now, $user, $now, $user)",
                "$id", "$ws", "$first", "$last", "$email", "$sort", "$now", "$user");
            using var value = Prepare(connection, transaction,
                "INSERT INTO FieldValues (ClientId, FieldId, WorkspaceId, Value, EmailNormalized) VALUES ($client, $field, $ws, $email, $email)",
                "$client", "$field", "$ws", "$email");
            using var term = Prepare(connection, transaction,
                "INSERT INTO ClientSearchTerms (WorkspaceId, Term, ClientId) VALUES ($ws, $term, $client)",
                "$ws", "$term", "$client");

            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var id = Guid.CreateVersion7();
                var (first, last) = ($"First{i}", $"Last{i % 5000}");
                Run(client, Text(id), Text(workspaceId), first, last, PrimaryOf(i), ClientNames.SortKey(last, first, id), now, Text(userId));
                Run(value, Text(id), Text(fieldId), Text(workspaceId), SecondaryOf(i));
                foreach (var t in new[] { first.ToLowerInvariant(), last.ToLowerInvariant(), PrimaryOf(i), SecondaryOf(i) }.Distinct())
                    Run(term, Text(workspaceId), t, Text(id));
            }
            transaction.Commit();
            Console.Write($"\r  seeded {Math.Min(count, start + batch):N0} / {count:N0} clients ({watch.Elapsed.TotalSeconds:F0} s)");
        }
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        Console.WriteLine($"\r  seeded {count:N0} clients with 2 addresses each in {watch.Elapsed.TotalSeconds:F0} s            ");
    }
}
