using System.Text.Json;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;

namespace OutlookCrm.Service.Clients;

public static class ClientEndpoints
{
    public static void MapClients(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients").WithTags("Clients");
        clients.MapGet("/", ListClients.HandleAsync).WithName("ListClients").WithSummary("Lists clients, optionally matching a search over names and addresses.")
            .Audit("client.list", "client", routeKey: null);
        clients.MapPost("/", CreateClient.HandleAsync).WithName("CreateClient").WithSummary("Creates a client; honours Idempotency-Key.")
            .Audit("client.create", "client", routeKey: null);
        clients.MapGet("/{id:guid}", GetAsync).WithName("GetClient").WithSummary("Reads a client's record.")
            .Audit("client.read", "client");
        clients.MapPatch("/{id:guid}", UpdateClient.HandleAsync).WithName("UpdateClient").WithSummary("Merge-updates a client; needs If-Match.")
            .Accepts<JsonElement>("application/json", "application/merge-patch+json")
            .Audit("client.update", "client");
        clients.MapDelete("/{id:guid}", EraseClient.HandleAsync).WithName("EraseClient").WithSummary("Erases a client and everything about it, leaving an audit tombstone (admins only).")
            .AddEndpointFilter<RequireAdmin>()
            .Audit("client.erase", "client");
        clients.MapGet("/{id:guid}/export", ExportClient.HandleAsync).WithName("ExportClient").WithSummary("Everything held about a client, as JSON (right of access).")
            .Audit("client.export", "client");
        clients.MapPost("/{id:guid}/emails", ClientEmails.LinkAsync).WithName("LinkEmail").WithSummary("Links an address to a client as primary or secondary email.")
            .Audit("email.link", "client");
        clients.MapDelete("/{id:guid}/emails/{address}", ClientEmails.UnlinkAsync).WithName("UnlinkEmail").WithSummary("Unlinks an address from a client.")
            .Audit("email.unlink", "client");
    }

    static async Task<IResult> GetAsync(Guid id, Infrastructure.AppDbContext db, HttpContext http, CancellationToken cancellationToken) =>
        ClientRecords.Ok(await ClientRecords.ReadAsync(db, id, cancellationToken), http);
}
