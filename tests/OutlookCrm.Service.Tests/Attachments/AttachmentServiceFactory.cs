using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Attachments;

/// <summary>
/// The service on a fake Graph with small attachment limits (4,000 bytes a file, 6,000 an email) so
/// the limits are reached with small files, and the local store in a folder the tests can look into.
/// </summary>
public class AttachmentServiceFactory : GraphServiceFactory
{
    public const int MaxFileBytes = 4000;
    public const int MaxEmailBytes = 6000;

    public string StoreFolder { get; } = Path.Combine(Path.GetTempPath(), "outlookcrm-attachments", Guid.NewGuid().ToString("N"));

    public AttachmentServiceFactory()
    {
        Settings["Attachments:LocalFolder"] = StoreFolder;
        Settings["Attachments:MaxFileBytes"] = MaxFileBytes.ToString();
        Settings["Attachments:MaxEmailBytes"] = MaxEmailBytes.ToString();
    }

    /// <summary>The contents stored for one workspace (local store): file names are content hashes.</summary>
    public string[] StoredFiles(Guid workspaceId)
    {
        var folder = Path.Combine(StoreFolder, workspaceId.ToString("N"));
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Order().ToArray() : [];
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(StoreFolder, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
