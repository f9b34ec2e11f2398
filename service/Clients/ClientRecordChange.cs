using OutlookCrm.Service.Auth;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Suggestions;

namespace OutlookCrm.Service.Clients;

/// <summary>
/// One change to one client's record, inside a <see cref="WriteUnit"/>: each step the change makes
/// is told with <see cref="Record"/> (its history event), and a change that recorded something
/// moves the client's version on and re-indexes its search terms when it is finished.
/// </summary>
public sealed class ClientRecordChange(AppDbContext db, Client client, CurrentUser user, DateTime now)
{
    public AppDbContext Db => db;
    public Client Client => client;
    public CurrentUser User => user;
    public DateTime Now => now;
    public bool Changed { get; private set; }

    public void Record(ClientEventKind kind, ClientEventDetail? detail = null)
    {
        ClientEvents.Record(db, client, kind, user, now, detail);
        Changed = true;
    }

    internal void Finish()
    {
        if (!Changed) return;
        client.Version++;
        client.UpdatedAt = now;
        client.UpdatedBy = user.UserId;
        client.SortKey = ClientNames.SortKey(client.LastName, client.FirstName, client.Id);
        SearchTerms.Refresh(client);
        MatchKeys.Refresh(client);
    }
}
