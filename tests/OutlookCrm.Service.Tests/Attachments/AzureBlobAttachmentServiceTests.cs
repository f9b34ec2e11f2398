using System.Net;
using Azure.Storage.Blobs;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.Attachments.AttachmentTestData;

namespace OutlookCrm.Service.Tests.Attachments;

/// <summary>The service configured for production storage (Azure Blob Storage), on Azurite.</summary>
public class AzureBlobAttachmentServiceTests : IClassFixture<AttachmentServiceFactory>, IClassFixture<Azurite>
{
    const string Container = "practice-attachments";
    readonly AttachmentServiceFactory factory;
    readonly Azurite azurite;

    public AzureBlobAttachmentServiceTests(AttachmentServiceFactory factory, Azurite azurite)
    {
        this.factory = factory;
        this.azurite = azurite;
        factory.Settings["Attachments:Store"] = "AzureBlob";
        factory.Settings["Attachments:AzureBlobConnectionString"] = azurite.ConnectionString;
        factory.Settings["Attachments:AzureBlobContainer"] = Container;
    }

    [Fact]
    public async Task Attachments_are_saved_to_blobs_downloaded_from_them_and_erased_with_the_client()
    {
        var session = await factory.SignInAsync();
        var (client, _, message) = await ClientWithMessageAsync(factory, session);
        var content = Bytes(3000);
        factory.Graph.AddAttachment(message, "referral.pdf", content);

        var saved = await SaveMessageAsync(session, client, message);
        Assert.Equal(content, await DownloadBytesAsync(session, client, saved, saved["attachments"]![0]!));
        var blob = $"{await session.WorkspaceIdAsync():N}/{Sha256(content)}";
        var container = new BlobContainerClient(azurite.ConnectionString, Container);
        Assert.True((await container.GetBlobClient(blob).ExistsAsync()).Value);
        Assert.Empty(factory.StoredFiles(await session.WorkspaceIdAsync()));

        Assert.Equal(HttpStatusCode.NoContent, (await session.Http.DeleteAsync($"/api/clients/{client}")).StatusCode);
        Assert.False((await container.GetBlobClient(blob).ExistsAsync()).Value);
    }
}
