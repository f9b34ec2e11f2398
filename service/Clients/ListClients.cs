using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Clients;

/// <summary>Pages through clients by last name, first name, id, optionally narrowed by a search.</summary>
public static class ListClients
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;
    const int MaxSearchLength = 200;

    public static async Task<ClientPage> HandleAsync(
        string? search, string? limit, string? cursor, AppDbContext db, CurrentUser user, AuditTrail audit, IDataProtectionProvider protection, CancellationToken cancellationToken)
    {
        var pageSize = PageSize.Parse(limit, DefaultLimit, MaxLimit);
        if (search is { Length: > MaxSearchLength }) throw ApiProblem.Validation("search", $"At most {MaxSearchLength} characters.");
        var terms = SearchTerms.FromQuery(search ?? "");
        var cursors = new CursorCodec(protection, user.WorkspaceId, terms);
        var after = cursor is null ? null : cursors.Decode(cursor);

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
        var next = page.Count > pageSize ? cursors.Encode(page[pageSize - 1].SortKey) : null;
        var shown = page.Take(pageSize).ToList();
        audit.Reveal(shown.Select(c => c.Id));
        return new ClientPage(shown.Select(c => c.ToSummary()).ToList(), next);
    }

    /// <summary>
    /// Cursors are the last sort key seen, sealed with Data Protection (encrypted and authenticated)
    /// and bound to the workspace and the search, so a forged or transplanted cursor is refused.
    /// </summary>
    sealed class CursorCodec(IDataProtectionProvider protection, Guid workspaceId, List<string> terms)
    {
        readonly IDataProtector protector = protection.CreateProtector("OutlookCrm.Clients.Cursor.v1");
        readonly string scope = $"{workspaceId:N}\u001e{string.Join('\u001f', terms)}";

        public string Encode(string sortKey) =>
            Base64Url.EncodeToString(protector.Protect(Encoding.UTF8.GetBytes($"{scope}\u001d{sortKey}")));

        public string Decode(string cursor)
        {
            try
            {
                var text = Encoding.UTF8.GetString(protector.Unprotect(cursor.Length <= 2048 ? Base64Url.DecodeFromChars(cursor) : throw new FormatException()));
                var separator = text.IndexOf('\u001d');
                if (separator < 0 || text[..separator] != scope) throw ApiProblem.InvalidCursor();
                return text[(separator + 1)..];
            }
            catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
            {
                throw ApiProblem.InvalidCursor();
            }
        }
    }
}
