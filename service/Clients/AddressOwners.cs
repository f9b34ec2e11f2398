using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Clients;

/// <summary>Who in the workspace already has an address, as primary email or in an email-type field.</summary>
public static class AddressOwners
{
    public static async Task<List<Guid>> FindAsync(AppDbContext db, string normalized, CancellationToken cancellationToken)
    {
        var primary = await db.Clients.Where(c => c.EmailNormalized == normalized).Select(c => c.Id).ToListAsync(cancellationToken);
        var fields = await db.FieldValues.Where(v => v.EmailNormalized == normalized).Select(v => v.ClientId).ToListAsync(cancellationToken);
        return primary.Concat(fields).Distinct().Order().ToList();
    }

    /// <summary>Refuses with 409 when another client has the address, unless sharing was asked for.</summary>
    public static async Task EnsureFreeAsync(AppDbContext db, string normalized, Guid? forClientId, bool allowShared, CancellationToken cancellationToken)
    {
        if (allowShared) return;
        var others = (await FindAsync(db, normalized, cancellationToken)).Where(id => id != forClientId).ToList();
        if (others.Count > 0) throw ApiProblem.EmailInUse(others);
    }
}
