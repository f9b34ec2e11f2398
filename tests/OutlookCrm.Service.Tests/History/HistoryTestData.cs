using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.History;

static class HistoryTestData
{
    public static object Email(string messageId, string from, DateTime sentAt, string subject = "Session notes", string? preview = "Short preview", string? conversationId = null) => new
    {
        internetMessageId = messageId,
        itemId = "AAMk" + messageId.Trim('<', '>'),
        subject,
        from = new { name = "Sender", address = from },
        to = new[] { new { name = "Clinic", address = "clinic@example.com" } },
        cc = Array.Empty<object>(),
        sentAt,
        preview,
        conversationId,
    };

    public static async Task<JsonObject> SaveAsync(TenantSession session, Guid clientId, object email, int status = 201) =>
        await Json.ReadAsync(await session.PostJsonAsync($"/api/clients/{clientId}/saved-emails", email), status);

    public static async Task<JsonObject> HistoryAsync(TenantSession session, Guid clientId, string query = "") =>
        await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{clientId}/history{query}"), 200);

    public static async Task<List<JsonObject>> AllPagesAsync(TenantSession session, Guid clientId, int limit, Func<Task>? betweenPages = null)
    {
        var items = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = await HistoryAsync(session, clientId, $"?limit={limit}" + (cursor is null ? "" : "&cursor=" + cursor));
            items.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
            if (betweenPages is not null) await betweenPages();
        } while (cursor is not null);
        return items;
    }

    public static async Task<Guid> DefineFieldAsync(TenantSession session, string label) =>
        (await Json.ReadAsync(await session.PostJsonAsync("/api/fields", new { label, type = "text" }), 201)).Id();

    public static Task<HttpResponseMessage> SetFieldAsync(TenantSession session, Guid clientId, Guid fieldId, string value) =>
        session.Http.PutAsJsonAsync($"/api/clients/{clientId}/fields/{fieldId}", new { value });
}
