namespace OutlookCrm.Service.Attachments;

public enum AttachmentStoreKind { Local, AzureBlob }

public sealed class AttachmentSettings
{
    public const string Section = "Attachments";

    /// <summary>Unset means the local folder in Development; every other environment must choose (StartupChecks).</summary>
    public AttachmentStoreKind? Store { get; set; }

    /// <summary>For the local store: the folder; default <c>attachments</c> in the data folder.</summary>
    public string? LocalFolder { get; set; }

    /// <summary>
    /// For Azure Blob Storage with Entra access (the deployment template's account has shared keys off):
    /// the account's blob endpoint, reached with the app's managed identity (DefaultAzureCredential).
    /// The container must exist (the template creates it).
    /// </summary>
    public string? AzureBlobServiceUri { get; set; }

    /// <summary>For Azure Blob Storage by key (Azurite, or an account that allows shared keys): the connection string. The container is created on first use.</summary>
    public string? AzureBlobConnectionString { get; set; }

    public string AzureBlobContainer { get; set; } = "attachments";

    /// <summary>Larger attachments are listed as skipped, not stored.</summary>
    public long MaxFileBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Once an email's stored attachments reach this, the rest are listed as skipped.</summary>
    public long MaxEmailBytes { get; set; } = 40L * 1024 * 1024;

    /// <summary>Reading all of one email's attachments from the mailbox, retries included.</summary>
    public TimeSpan MailboxBudget { get; set; } = TimeSpan.FromSeconds(60);
}
