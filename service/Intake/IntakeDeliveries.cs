using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Intake;

/// <summary>
/// Gets an already committed intake link to its client and records how that went. The link commits
/// first, so a send never leaves a client holding a link the database does not know; the outcome
/// commits after, with the call's audit record: sent, manual (the pane shows the link), or failed
/// with the problem the pane explains and offers to retry.
/// </summary>
public sealed class IntakeDeliveries(AppDbContext db, WriteUnit unit, IIntakeMailer mailer, IntakeSettings settings, AuditTrail audit, CurrentUser user, TimeProvider clock)
{
    /// <summary>How long a send may take before its pending intake shows as not sent.</summary>
    public static readonly TimeSpan PendingLimit = TimeSpan.FromMinutes(2);

    public async Task<IntakeDto> DeliverAsync(Guid intakeId, IntakeEmail email)
    {
        ApiProblem? failure = null;
        if (!settings.ManualDelivery)
        {
            try
            {
                // Not the caller's token: a send in flight may complete anyway, and its outcome must be recorded.
                await mailer.SendAsync(email, CancellationToken.None);
            }
            catch (ApiProblem problem)
            {
                failure = problem;
            }
        }

        var delivered = await unit.RunAsync([LockKey.Intake(intakeId)], async ct =>
        {
            var intake = await db.IntakeRequests.FirstAsync(r => r.Id == intakeId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            intake.Delivery = failure is not null ? IntakeDelivery.Failed : settings.ManualDelivery ? IntakeDelivery.Manual : IntakeDelivery.Sent;
            intake.DeliveryProblem = failure?.Code;
            if (failure is null)
            {
                var client = await db.Clients.FirstAsync(c => c.Id == intake.ClientId, ct);
                ClientEvents.Record(db, client, ClientEventKind.IntakeSent, user, now, new ClientEventDetail(intake.SentTo, Label: intake.TemplateName));
            }
            else
            {
                audit.CommitsAs(failure.Code);
            }
            return IntakeEndpoints.ToDto(intake, now, withAnswers: false);
        }, CancellationToken.None);

        if (failure is not null) throw failure.With("intakeId", intakeId);
        return settings.ManualDelivery ? delivered with { Link = email.Link } : delivered;
    }
}
