using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;
using OutlookCrm.Service.Workspaces;

namespace OutlookCrm.Service.Clients;

/// <summary>Loading a client with what its record shows, and shaping the record.</summary>
public static class ClientRecords
{
    public static async Task<Client> LoadForUpdateAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await ForChange(db.Clients).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
        ?? throw ApiProblem.NotFound("client");

    /// <summary>
    /// Clients with everything a <see cref="ClientRecordChange"/> keeps in step (values, search terms,
    /// suggestion keys): a change to a client loaded without them would add index rows that exist.
    /// </summary>
    public static IQueryable<Client> ForChange(IQueryable<Client> clients) =>
        clients
            .Include(c => c.FieldValues).ThenInclude(v => v.Field)
            .Include(c => c.SearchTerms)
            .Include(c => c.MatchKeys)
            .AsSplitQuery();

    public static async Task<ClientRecord> ReadAsync(AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking()
            .Include(c => c.FieldValues).ThenInclude(v => v.Field)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw ApiProblem.NotFound("client");
        return await ToRecordAsync(db, client, cancellationToken);
    }

    /// <summary>The record with the names of who created and last changed it.</summary>
    public static async Task<ClientRecord> ToRecordAsync(AppDbContext db, Client client, CancellationToken cancellationToken) =>
        ToRecord(client, await WorkspaceMembers.NamesAsync(db, client.WorkspaceId, [client.CreatedBy, client.UpdatedBy], cancellationToken));

    public static async Task<Ok<ClientRecord>> OkAsync(AppDbContext db, Client client, HttpContext http) =>
        Ok(await ToRecordAsync(db, client, http.RequestAborted), http);

    public static ClientRecord ToRecord(Client client, IReadOnlyDictionary<Guid, string>? names = null)
    {
        var values = client.FieldValues
            .Where(v => v.Field is not null)
            .OrderBy(v => v.Field!.Label, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var emails = new List<ClientEmailDto>();
        if (client.Email is not null) emails.Add(new ClientEmailDto(client.Email, ClientEmailDto.PrimaryKind, null, null));
        emails.AddRange(values
            .Where(v => v.EmailNormalized is not null)
            .Select(v => new ClientEmailDto(v.Value, ClientEmailDto.FieldKind, v.FieldId, v.Field!.Label)));
        var fields = values.Select(v => new ClientFieldDto(v.FieldId, v.Field!.Label, v.Field.Type, v.Value)).ToList();
        return client.ToRecord(emails, fields, names?.GetValueOrDefault(client.CreatedBy), names?.GetValueOrDefault(client.UpdatedBy));
    }

    public static Ok<ClientRecord> Ok(ClientRecord record, HttpContext http)
    {
        http.Response.Headers.ETag = record.Version;
        return TypedResults.Ok(record);
    }
}
