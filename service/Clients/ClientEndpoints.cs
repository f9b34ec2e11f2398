using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Clients;

public static class ClientEndpoints
{
    public static void MapClients(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients").WithTags("Clients");
        clients.MapGet("/", ListClients.HandleAsync).WithName("ListClients").WithSummary("Lists clients, optionally matching a search over names and addresses.")
            .Audit("client.list", "client", routeKey: null);
        clients.MapPost("/", CreateClient.HandleAsync).WithName("CreateClient").ProducesProblems(409, 413, 415, 422).Produces<ClientRecord>(StatusCodes.Status201Created).ReadsIdempotencyKey().WithSummary("Creates a client; honours Idempotency-Key.")
            .Audit("client.create", "client", routeKey: null);
        clients.MapGet("/{id:guid}", GetAsync).WithName("GetClient").ProducesProblems(404).WithSummary("Reads a client's record.")
            .Audit("client.read", "client");
        clients.MapPatch("/{id:guid}", UpdateClient.HandleAsync).WithName("UpdateClient").ProducesProblems(404, 409, 412, 413, 415, 428).ReadsIfMatch(required: true).WithSummary("Merge-updates a client; needs If-Match.")
            .Accepts<JsonElement>("application/json", "application/merge-patch+json")
            .Audit("client.update", "client");
        clients.MapDelete("/{id:guid}", EraseClient.HandleAsync).WithName("EraseClient").ProducesProblems(404).WithSummary("Erases a client and everything about it, leaving an audit tombstone (admins only).")
            .AddEndpointFilter<RequireAdmin>()
            .Audit("client.erase", "client");
        clients.MapGet("/{id:guid}/export", ExportClient.HandleAsync).WithName("ExportClient").ProducesProblems(404).Produces<ClientExport>(StatusCodes.Status200OK).WithSummary("Everything held about a client, as JSON (right of access).")
            .Audit("client.export", "client");
        clients.MapPost("/{id:guid}/emails", ClientEmails.LinkAsync).WithName("LinkEmail").ProducesProblems(404, 409, 412, 413, 415).WithSummary("Links an address to a client as primary or secondary email.")
            .Audit("email.link", "client");
        clients.MapDelete("/{id:guid}/emails/{address}", ClientEmails.UnlinkAsync).WithName("UnlinkEmail").ProducesProblems(404, 412).WithSummary("Unlinks an address from a client.")
            .Audit("email.unlink", "client");
    }

    static async Task<Ok<ClientRecord>> GetAsync(Guid id, Infrastructure.AppDbContext db, HttpContext http, CancellationToken cancellationToken) =>
        ClientRecords.Ok(await ClientRecords.ReadAsync(db, id, cancellationToken), http);
}
