using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Clients;

/// <summary>Pages through clients by last name, first name, id, optionally narrowed by a search.</summary>
public static class ListClients
{
    const int MaxSearchLength = 200;
    // Cursors are the last sort key seen, bound to the workspace and the search.
    const string CursorPurpose = "OutlookCrm.Clients.Cursor.v1";

    public static async Task<ClientPage> HandleAsync(
        string? search, string? limit, string? cursor, AppDbContext db, CurrentUser user, AuditTrail audit, SealedCursor cursors, CancellationToken cancellationToken)
    {
        var pageSize = PageSize.Clients.Parse(limit);
        if (search is { Length: > MaxSearchLength }) throw ApiProblem.Validation("search", $"At most {MaxSearchLength} characters.");
        var terms = SearchTerms.FromQuery(search ?? "");
        var scope = $"{user.WorkspaceId:N}\u001e{string.Join('\u001f', terms)}";
        var after = cursor is null ? null : cursors.Open(CursorPurpose, scope, cursor);

        var query = db.Clients.AsNoTracking();
        foreach (var term in terms)
        {
            var upper = term + '\uffff';
            query = query.Where(c => db.ClientSearchTerms
                .Where(t => t.Term.CompareTo(term) >= 0 && t.Term.CompareTo(upper) < 0)
                .Select(t => t.ClientId)
                .Contains(c.Id));
        }
        if (after is not null) query = query.Where(c => c.SortKey.CompareTo(after) > 0);

        var page = await query.OrderBy(c => c.SortKey).Take(pageSize + 1).ToListAsync(cancellationToken);
        var next = page.Count > pageSize ? cursors.Seal(CursorPurpose, scope, page[pageSize - 1].SortKey) : null;
        var shown = page.Take(pageSize).ToList();
        audit.Reveal(shown.Select(c => c.Id));
        return new ClientPage(shown.Select(c => c.ToSummary()).ToList(), next);
    }
}
