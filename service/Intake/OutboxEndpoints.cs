namespace OutlookCrm.Service.Intake;

public static class OutboxEndpoints
{
    /// <summary>Development only: the emails the service would have sent, newest first, for the preview page.</summary>
    public static void MapDevelopmentOutbox(this WebApplication app) =>
        app.MapGet("/dev/outbox", (DevelopmentOutbox outbox) => TypedResults.Ok(new { items = outbox.Newest() }))
            .WithTags("Development").WithSummary("Emails sent in Development (no mailbox to send from).");
}
