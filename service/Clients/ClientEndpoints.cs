using System.Text.Json;
using OutlookCrm.Service.Auth;

namespace OutlookCrm.Service.Clients;

public static class ClientEndpoints
{
    public static void MapClients(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients").WithTags("Clients");
        clients.MapGet("/", ListClients.HandleAsync).WithName("ListClients").WithSummary("Lists clients, optionally matching a search over names and addresses.");
        clients.MapPost("/", CreateClient.HandleAsync).WithName("CreateClient").WithSummary("Creates a client; honours Idempotency-Key.");
        clients.MapGet("/{id:guid}", GetAsync).WithName("GetClient").WithSummary("Reads a client's record.");
        clients.MapPatch("/{id:guid}", UpdateClient.HandleAsync).WithName("UpdateClient").WithSummary("Merge-updates a client; needs If-Match.")
            .Accepts<JsonElement>("application/json", "application/merge-patch+json");
        clients.MapPost("/{id:guid}/emails", ClientEmails.LinkAsync).WithName("LinkEmail").WithSummary("Links an address to a client as primary or secondary email.");
        clients.MapDelete("/{id:guid}/emails/{address}", ClientEmails.UnlinkAsync).WithName("UnlinkEmail").WithSummary("Unlinks an address from a client.");
    }

    static async Task<IResult> GetAsync(Guid id, Infrastructure.AppDbContext db, HttpContext http, CancellationToken cancellationToken) =>
        ClientRecords.Ok(await ClientRecords.ReadAsync(db, id, cancellationToken), http);
}
