using OutlookCrm.Service.Auth;

namespace OutlookCrm.Service.Clients;

public static class ClientWrites
{
    /// <summary>Every change to a client, its addresses or field values, moves its version on.</summary>
    public static void Touch(Client client, CurrentUser user, DateTime now)
    {
        client.Version++;
        client.UpdatedAt = now;
        client.UpdatedBy = user.UserId;
        client.SortKey = ClientNames.SortKey(client.LastName, client.FirstName, client.Id);
        SearchTerms.Refresh(client);
    }
}
