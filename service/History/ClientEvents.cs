using System.Text.Json;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.History;

/// <summary>Adds record events to the unit of work, so they commit with the change they describe.</summary>
public static class ClientEvents
{
    static readonly JsonSerializerOptions DetailJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static void Record(AppDbContext db, Client client, ClientEventKind kind, CurrentUser user, DateTime now, ClientEventDetail? detail = null) =>
        db.Add(new ClientEvent
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = client.WorkspaceId,
            ClientId = client.Id,
            Kind = kind,
            OccurredAt = now,
            ActorId = user.UserId,
            Detail = JsonSerializer.Serialize(detail ?? new ClientEventDetail(), DetailJson),
        });

    public static ClientEventDetail? Parse(string detail) => JsonSerializer.Deserialize<ClientEventDetail>(detail, DetailJson);
}
