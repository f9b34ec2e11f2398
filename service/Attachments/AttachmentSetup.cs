using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Http.Resilience;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Mailbox;
using Polly;

namespace OutlookCrm.Service.Attachments;

public static class AttachmentSetup
{
    public static AttachmentSettings AddAttachments(this WebApplicationBuilder builder, DatabaseSettings database, MailboxSettings mailbox)
    {
        var settings = builder.Configuration.GetSection(AttachmentSettings.Section).Get<AttachmentSettings>() ?? new AttachmentSettings();
        builder.Services.AddSingleton(settings);
        // Built on first use, so a store left unconfigured is reported by StartupChecks with every other problem.
        builder.Services.AddSingleton(_ => StoreFor(settings, database, builder.Environment.ContentRootPath));
        builder.Services.AddScoped<EmailAttachmentIntake>();
        builder.Services.AddScoped<AttachmentCleanup>();

        if (mailbox.Source != MailboxSource.Graph)
        {
            builder.Services.AddSingleton<IMailboxAttachments, NotConnectedMailboxAttachments>();
            return settings;
        }
        builder.Services.AddScoped<IMailboxAttachments, GraphMailboxAttachments>();
        // Reads only, so every transient failure is retried (429 and 503 after Graph's Retry-After);
        // a file of 25 MB needs more than the history's 2 s per attempt.
        builder.Services.AddHttpClient(GraphMailboxAttachments.HttpClientName)
            .AddResilienceHandler("graph-attachments", pipeline => pipeline
                .AddRetry(GraphReadRetry.Options())
                .AddTimeout(TimeSpan.FromSeconds(30)));
        return settings;
    }

    /// <summary>What keeps the attachments has to be chosen outside Development: the local folder suits one host only.</summary>
    public static IEnumerable<string> ConfigurationProblems(AttachmentSettings settings)
    {
        if (settings.Store is null)
            yield return "Attachments:Store is not set (AzureBlob when several instances serve the practice, Local for one host with a persistent data folder).";
        else if (settings.Store == AttachmentStoreKind.AzureBlob && settings.AzureBlobServiceUri is null && settings.AzureBlobConnectionString is null)
            yield return "Attachments:AzureBlobServiceUri (or Attachments:AzureBlobConnectionString) is not set for the AzureBlob store.";
    }

    static IAttachmentStore StoreFor(AttachmentSettings settings, DatabaseSettings database, string contentRoot) => settings.Store switch
    {
        AttachmentStoreKind.AzureBlob when settings.AzureBlobServiceUri is { } serviceUri => new AzureBlobAttachmentStore(
            new BlobServiceClient(new Uri(serviceUri), new DefaultAzureCredential()).GetBlobContainerClient(settings.AzureBlobContainer), createContainer: false),
        AttachmentStoreKind.AzureBlob => new AzureBlobAttachmentStore(new BlobContainerClient(
            settings.AzureBlobConnectionString ?? throw new InvalidOperationException("Attachments:AzureBlobServiceUri or Attachments:AzureBlobConnectionString is required for the AzureBlob store."),
            settings.AzureBlobContainer), createContainer: true),
        _ => new LocalFolderAttachmentStore(Path.GetFullPath(settings.LocalFolder ?? Path.Combine(database.DataDirectory, "attachments"), contentRoot)),
    };
}
