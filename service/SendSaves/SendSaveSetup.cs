using Microsoft.Extensions.Http.Resilience;
using OutlookCrm.Service.Mailbox;
using Polly;

namespace OutlookCrm.Service.SendSaves;

public static class SendSaveSetup
{
    public static void AddSendSaves(this WebApplicationBuilder builder, MailboxSettings mailbox)
    {
        builder.Services.AddScoped<SendSaveResolver>();
        var followUps = builder.Configuration.GetSection(SendSaveFollowUpSettings.Section).Get<SendSaveFollowUpSettings>() ?? new SendSaveFollowUpSettings();
        if (followUps.BackgroundDelays.Count == 0) followUps.BackgroundDelays = [.. SendSaveFollowUpSettings.DefaultDelays];
        builder.Services.AddSingleton(followUps);
        builder.Services.AddSingleton<SendSaveFollowUps>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SendSaveFollowUps>());
        if (mailbox.Source != MailboxSource.Graph)
        {
            // Development: the preview page's Send fills an in-memory Sent Items (POST /api/dev/sent-items).
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddSingleton<DevelopmentSentItemsStore>();
                builder.Services.AddScoped<ISentItems, DevelopmentSentItems>();
            }
            else builder.Services.AddSingleton<ISentItems, NotConnectedSentItems>();
            return;
        }
        builder.Services.AddScoped<ISentItems, GraphSentItems>();
        // A read: 429 and 503 are retried after Graph's Retry-After, within the resolver's budget.
        builder.Services.AddHttpClient(GraphSentItems.HttpClientName)
            .AddResilienceHandler("graph-sent-items", pipeline => pipeline
                .AddRetry(GraphReadRetry.Options())
                .AddTimeout(TimeSpan.FromSeconds(5)));
    }
}
