using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Lookup;

/// <summary>
/// The lookup through EF Core, for SQL Server (which caches the statement's plan on the server side).
/// The workspace comes from the context's query filter, which is the caller's.
/// </summary>
sealed class EfLookupQuery(AppDbContext db) : ILookupQuery
{
    /// <summary>
    /// Both index seeks in one statement (UNION ALL), so a lookup is one database round trip.
    /// An expression (compiled below) so that tests can read the SQL it becomes on SQL Server.
    /// </summary>
    internal static readonly Expression<Func<AppDbContext, string[], IQueryable<LookupOwner>>> OwnersQuery =
        (db, addresses) => db.Clients
            .Where(c => addresses.Contains(c.EmailNormalized!))
            .Select(c => new LookupOwner { Address = c.EmailNormalized!, ClientId = c.Id, FirstName = c.FirstName, LastName = c.LastName, PreferredName = c.PreferredName, FieldLabel = null })
            .Concat(db.FieldValues
                .Where(v => addresses.Contains(v.EmailNormalized!))
                .Select(v => new LookupOwner { Address = v.EmailNormalized!, ClientId = v.ClientId, FirstName = v.Client!.FirstName, LastName = v.Client.LastName, PreferredName = v.Client.PreferredName, FieldLabel = v.Field!.Label }));

    static readonly Func<AppDbContext, string[], IAsyncEnumerable<LookupOwner>> Owners = EF.CompileAsyncQuery(OwnersQuery);

    public async Task<List<LookupOwner>> FindAsync(Guid workspaceId, string[] normalizedAddresses, CancellationToken cancellationToken)
    {
        if (workspaceId != db.WorkspaceId) throw new InvalidOperationException("The lookup's workspace is not the caller's.");
        var owners = new List<LookupOwner>();
        await foreach (var owner in Owners(db, normalizedAddresses).WithCancellation(cancellationToken)) owners.Add(owner);
        return owners;
    }
}
