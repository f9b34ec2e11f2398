using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Mailbox;

/// <summary>
/// <c>?mailbox=owner@…</c> on an endpoint that reads the mailbox: the item open in Outlook is in a shared or
/// delegate mailbox. The caller must be able to read that mailbox through Graph; a refusal is a 403 problem.
/// The caller's own address (or none) means their own mailbox.
/// </summary>
public static class MailboxOwnerFilter
{
    public const string QueryName = "mailbox";

    /// <summary>
    /// <paramref name="mustVerify"/>: the endpoint writes on the strength of the mailbox (saving), so "could not tell"
    /// is refused too; a read (history) goes on and reports the mailbox's own state.
    /// </summary>
    public static RouteHandlerBuilder ReadsMailboxOf(this RouteHandlerBuilder endpoint, bool mustVerify) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var requested = http.Request.Query[QueryName].ToString();
            if (requested.Length == 0) return await next(context);
            if (!EmailAddress.TryParse(requested, out var owner)) throw ApiProblem.Validation(QueryName, "Not a valid email address.");
            var user = http.RequestServices.GetRequiredService<CurrentUser>();
            if (EmailAddress.TryParse(user.Email, out var own) && own.Normalized == owner.Normalized) return await next(context);

            var reach = await http.RequestServices.GetRequiredService<IMailboxOwnerAccess>().CheckAsync(owner.Original, http.RequestAborted);
            if (Refusal(reach, mustVerify, http.RequestServices.GetRequiredService<MailboxSettings>().SharedScopes) is { } problem) throw problem;
            http.RequestServices.GetRequiredService<MailboxOwner>().ReadShared(owner.Original);
            return await next(context);
        });

    static ApiProblem? Refusal(MailboxReach reach, bool mustVerify, string[] sharedScopes) => reach switch
    {
        MailboxReach.NotShared => new ApiProblem(403, ProblemCodes.MailboxNotShared, "This mailbox is not shared with you.",
            "Ask the mailbox's owner or your Microsoft 365 admin for access to it, then try again."),
        MailboxReach.ConsentRequired when mustVerify => new ApiProblem(403, ProblemCodes.MailboxConsentRequired, "Reading a shared mailbox needs your consent.",
            "Allow OutlookCrm to read mailboxes shared with you, then try again.").With("scopes", sharedScopes),
        MailboxReach.Unavailable when mustVerify => new ApiProblem(503, ProblemCodes.MailboxUnavailable, "The shared mailbox could not be checked right now.", "Nothing was saved; try again in a moment."),
        _ => null,
    };
}
