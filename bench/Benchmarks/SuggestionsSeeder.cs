using System.Diagnostics;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.Suggestions;

using static Benchmarks.SqliteBulk;

namespace Benchmarks;

/// <summary>
/// Writes N clients with Brazilian-looking names (one or two clients per "first last" pair at a
/// million) and their suggestion keys, computed by the service's own <see cref="MatchKeys"/>;
/// one client in twenty shares a family domain with another, the rest use webmail.
/// </summary>
static class SuggestionsSeeder
{
    static readonly string[] FirstNames =
        ["Ana", "Beatriz", "Bruno", "Camila", "Carlos", "Daniela", "Eduardo", "Fernanda", "Gabriel", "Helena", "Igor", "Juliana", "Lucas", "Mariana", "Nicolas", "Olivia",
         "Paulo", "Rafaela", "Samuel", "Tatiana", "Vitor", "Yasmin", "Joao", "Maria", "Pedro"];
    static readonly string[] SurnameStarts = ["Al", "Bar", "Cas", "Dan", "Fer", "Gon", "Lim", "Mar", "Nas", "Oli", "Per", "Qui", "Ri", "San", "Tei", "Vas", "Xa", "Zan", "Cor", "Mo"];
    static readonly string[] SurnameEnds = ["ves", "bosa", "tro", "tas", "reira", "çalves", "a", "tins", "cimento", "veira", "eira", "ntana", "beiro", "tos", "xeira", "concelos", "vier", "otti", "deiro", "rais",
        "quita", "lho", "ndes", "rtes", "nha", "ssis", "gado", "mos", "chado", "tana"];

    static readonly string[] SurnameMiddles = ["", "an", "er", "il", "or", "ur", "es", "ad", "im", "ol", "ar", "en", "is", "os", "ab", "ed", "ig", "om", "ul", "av",
        "eb", "ic", "od", "um", "ap", "et", "iv", "oz", "un", "ax", "ez", "ib", "ob", "uc", "ag", "ev", "ix", "oc", "ud", "ah"];

    /// <summary>25 first names × 24,000 surnames: about 1.7 clients per "first last" at a million.</summary>
    public static (string First, string Last) NameOf(int i)
    {
        var surname = i / FirstNames.Length;
        return (FirstNames[i % FirstNames.Length],
            SurnameStarts[surname % SurnameStarts.Length] + SurnameMiddles[surname / SurnameStarts.Length % SurnameMiddles.Length]
                + SurnameEnds[surname / (SurnameStarts.Length * SurnameMiddles.Length) % SurnameEnds.Length]);
    }

    public static string? FamilyDomainOf(int i) => i % 20 == 0 ? $"familia{i / 40}.com.br" : null;

    public static async Task SeedAsync(string databasePath, Guid tenantId, int count)
    {
        await using var connection = await OpenMigratedAsync(databasePath);
        var watch = Stopwatch.StartNew();
        var workspaceId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        var now = Time(DateTime.UtcNow);
        Execute(connection, $"INSERT INTO Workspaces (Id, TenantId, CreatedAt, MatchKeysIndexed) VALUES ('{Text(workspaceId)}', '{Text(tenantId)}', '{now}', 1)");

        const int batch = 50_000;
        for (var start = 0; start < count; start += batch)
        {
            using var transaction = connection.BeginTransaction();
            using var insertClient = Prepare(connection, transaction,
                "INSERT INTO Clients (Id, WorkspaceId, FirstName, LastName, Email, EmailNormalized, Status, SortKey, Version, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy) " +
                "VALUES ($id, $ws, $first, $last, $email, $email, 'Active', $sort, 1, $now, $user, $now, $user)",
                "$id", "$ws", "$first", "$last", "$email", "$sort", "$now", "$user");
            using var insertKey = Prepare(connection, transaction,
                "INSERT INTO ClientMatchKeys (WorkspaceId, Kind, Key, ClientId) VALUES ($ws, $kind, $key, $client)", "$ws", "$kind", "$key", "$client");
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var id = Guid.CreateVersion7();
                var (first, last) = NameOf(i);
                var domain = FamilyDomainOf(i) ?? (i % 2 == 0 ? "gmail.com" : "uol.com.br");
                var client = new Client { Id = id, WorkspaceId = workspaceId, FirstName = first, LastName = last, EmailNormalized = $"c{i}@{domain}" };
                Run(insertClient, Text(id), Text(workspaceId), first, last, client.EmailNormalized, ClientNames.SortKey(last, first, id), now, Text(userId));
                MatchKeys.Refresh(client);
                foreach (var key in client.MatchKeys) Run(insertKey, Text(workspaceId), ((int)key.Kind).ToString(), key.Key, Text(id));
            }
            transaction.Commit();
            Console.Write($"\r  seeded {Math.Min(count, start + batch):N0} / {count:N0} clients ({watch.Elapsed.TotalSeconds:F0} s)");
        }
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        Console.WriteLine($"\r  seeded {count:N0} clients with their suggestion keys in {watch.Elapsed.TotalSeconds:F0} s            ");
    }
}
