using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.History.HistoryTestData;

namespace OutlookCrm.Service.Tests.Attachments;

static class AttachmentTestData
{
    public static byte[] Bytes(int size) => RandomNumberGenerator.GetBytes(size);

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>A client, and a message from them in the fake mailbox that the test gives attachments to.</summary>
    public static async Task<(Guid Client, string Address, JsonObject Message)> ClientWithMessageAsync(AttachmentServiceFactory factory, TenantSession session)
    {
        var address = $"client-{Guid.NewGuid():N}@example.com";
        var client = (await session.CreateClientAsync("Ana", "Souza", address)).Id();
        return (client, address, NewMessage(factory, address));
    }

    public static JsonObject NewMessage(AttachmentServiceFactory factory, string from)
    {
        var id = Guid.NewGuid().ToString("N");
        return factory.Graph.AddMessage(id, from, ["clinic@example.com"], DateTime.UtcNow.AddHours(-1), "Referral letter", $"<{id}@mail.example.com>");
    }

    public static Task<JsonObject> SaveMessageAsync(TenantSession session, Guid client, JsonObject message, int status = 201) =>
        SaveAsync(session, client, Email(message.Str("internetMessageId"), message["from"]!["emailAddress"]!.Str("address"),
            DateTime.Parse(message.Str("receivedDateTime")).ToUniversalTime(), message.Str("subject")), status);

    public static Task<HttpResponseMessage> DownloadAsync(TenantSession session, Guid client, JsonObject saved, JsonNode attachment) =>
        session.Http.GetAsync($"/api/clients/{client}/saved-emails/{saved.Id()}/attachments/{attachment.AsObject().Id()}");

    public static async Task<byte[]> DownloadBytesAsync(TenantSession session, Guid client, JsonObject saved, JsonNode attachment)
    {
        var response = await DownloadAsync(session, client, saved, attachment);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
}
