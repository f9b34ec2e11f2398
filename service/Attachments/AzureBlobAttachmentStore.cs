using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace OutlookCrm.Service.Attachments;

/// <summary>
/// Production store: one blob per key in one private container. With <paramref name="createContainer"/>
/// the container is created on first use; an identity granted only its container's data (the
/// deployment template's) may not create containers, so there it must exist already.
/// </summary>
public sealed class AzureBlobAttachmentStore(BlobContainerClient container, bool createContainer = true) : IAttachmentStore
{
    int created = createContainer ? 0 : 1;

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        await Blob(key).UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" } }, cancellationToken);
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return (await Blob(key).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return (await Blob(key).ExistsAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await Blob(key).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No container yet: nothing to delete.
        }
    }

    BlobClient Blob(string key) =>
        AttachmentKeys.IsValid(key) ? container.GetBlobClient(key) : throw new ArgumentException("Not an attachment key.", nameof(key));

    async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref created) == 1) return;
        await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
        Volatile.Write(ref created, 1);
    }
}
