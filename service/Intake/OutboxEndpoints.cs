using OutlookCrm.Service.Auth;

namespace OutlookCrm.Service.Intake;

public static class OutboxEndpoints
{
    /// <summary>Development only: the emails the caller's workspace would have sent, newest first, for the preview page.</summary>
    public static void MapDevelopmentOutbox(this RouteGroupBuilder api)
    {
        api.MapGet("/dev/outbox", (DevelopmentOutbox outbox, CurrentUser user) => TypedResults.Ok(new { items = outbox.Newest(user.WorkspaceId) }))
            .WithTags("Development").WithSummary("Emails sent in Development (no mailbox to send from), for the caller's workspace.");
        api.MapPost("/dev/outbox/fail-next", (DevelopmentOutbox outbox, CurrentUser user) =>
            {
                outbox.FailNextSend(user.WorkspaceId);
                return TypedResults.NoContent();
            })
            .WithTags("Development").WithSummary("The caller's workspace's next intake email fails with mail-unavailable, as a mailbox outage would.");
    }
}
