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
        builder.Services.AddSingleton(StoreFor(settings, database, builder.Environment.ContentRootPath));
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
