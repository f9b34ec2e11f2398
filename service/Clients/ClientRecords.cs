using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Clients;

/// <summary>Loading a client with what its record shows, and shaping the record.</summary>
public static class ClientRecords
{
    public static async Task<Client> LoadForUpdateAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Clients
            .Include(c => c.FieldValues).ThenInclude(v => v.Field)
            .Include(c => c.SearchTerms)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
        ?? throw ApiProblem.NotFound("client");

    public static async Task<ClientRecord> ReadAsync(AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking()
            .Include(c => c.FieldValues).ThenInclude(v => v.Field)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw ApiProblem.NotFound("client");
        return ToRecord(client);
    }

    public static ClientRecord ToRecord(Client client)
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
        return client.ToRecord(emails, fields);
    }

    public static IResult Ok(ClientRecord record, HttpContext http)
    {
        http.Response.Headers.ETag = record.Version;
        return TypedResults.Ok(record);
    }
}
