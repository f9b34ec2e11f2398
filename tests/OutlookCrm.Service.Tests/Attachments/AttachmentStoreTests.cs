using System.Security.Cryptography;
using Azure.Storage.Blobs;
using OutlookCrm.Service.Attachments;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Attachments;

/// <summary>What every attachment store must do, held to the same tests for each implementation.</summary>
public abstract class AttachmentStoreContract
{
    protected abstract IAttachmentStore Store { get; }

    static (string Key, byte[] Content) NewContent(int size = 200_000)
    {
        var content = RandomNumberGenerator.GetBytes(size);
        return (AttachmentKeys.For(Guid.NewGuid(), Convert.ToHexStringLower(SHA256.HashData(content))), content);
    }

    [Fact]
    public async Task What_is_put_reads_back_byte_for_byte()
    {
        var (key, content) = NewContent();
        await Store.PutAsync(key, new MemoryStream(content), CancellationToken.None);

        Assert.True(await Store.ExistsAsync(key, CancellationToken.None));
        await using var read = await Store.OpenAsync(key, CancellationToken.None);
        var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Putting_the_same_key_again_keeps_one_copy_and_deleting_it_twice_is_fine()
    {
        var (key, content) = NewContent(1000);
        await Store.PutAsync(key, new MemoryStream(content), CancellationToken.None);
        await Store.PutAsync(key, new MemoryStream(content), CancellationToken.None);

        await Store.DeleteAsync(key, CancellationToken.None);
        await Store.DeleteAsync(key, CancellationToken.None);
        Assert.False(await Store.ExistsAsync(key, CancellationToken.None));
        Assert.Null(await Store.OpenAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_key_opens_as_nothing()
    {
        var (key, _) = NewContent(1);
        Assert.Null(await Store.OpenAsync(key, CancellationToken.None));
        Assert.False(await Store.ExistsAsync(key, CancellationToken.None));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("0123456789abcdef0123456789abcdef/../../x")]
    [InlineData("invoice.pdf")]
    [InlineData("")]
    public async Task Anything_but_a_generated_key_is_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, new MemoryStream([1]), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenAsync(key, CancellationToken.None));
    }
}

public sealed class LocalFolderAttachmentStoreTests : AttachmentStoreContract, IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "outlookcrm-store-tests", Guid.NewGuid().ToString("N"));

    protected override IAttachmentStore Store => new LocalFolderAttachmentStore(root);

    [Fact]
    public async Task Files_land_under_the_folder_by_workspace_and_hash_with_no_partial_left()
    {
        var content = RandomNumberGenerator.GetBytes(5000);
        var workspace = Guid.NewGuid();
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        await Store.PutAsync(AttachmentKeys.For(workspace, hash), new MemoryStream(content), CancellationToken.None);

        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
        Assert.Equal([Path.Combine(root, workspace.ToString("N"), hash)], files);
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}

/// <summary>The production store against a real Azure Storage emulator.</summary>
public sealed class AzureBlobAttachmentStoreTests(Azurite azurite) : AttachmentStoreContract, IClassFixture<Azurite>
{
    readonly string container = "attachments-" + Guid.NewGuid().ToString("N")[..12];

    protected override IAttachmentStore Store => new AzureBlobAttachmentStore(new BlobContainerClient(azurite.ConnectionString, container));

    [Fact]
    public async Task The_container_is_created_private_on_first_put()
    {
        var content = RandomNumberGenerator.GetBytes(10);
        await Store.PutAsync(AttachmentKeys.For(Guid.NewGuid(), Convert.ToHexStringLower(SHA256.HashData(content))), new MemoryStream(content), CancellationToken.None);

        var properties = await new BlobContainerClient(azurite.ConnectionString, container).GetPropertiesAsync();
        Assert.Equal(Azure.Storage.Blobs.Models.PublicAccessType.None, properties.Value.PublicAccess);
    }
}
