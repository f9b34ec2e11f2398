using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OutlookCrm.Service.Problems;

/// <summary>
/// Every problem <c>code</c> the service can send: the one list the OpenAPI document's enum
/// (<see cref="ProblemSchemaTransformer"/>), docs and the pane's catalogs are checked against.
/// Nothing else spells a code out; a new one is added here first.
/// </summary>
public static class ProblemCodes
{
    public const string BadRequest = "bad-request";
    public const string RequestRejected = "request-rejected";
    public const string ValidationFailed = "validation-failed";
    public const string MalformedJson = "malformed-json";
    public const string InvalidCursor = "invalid-cursor";
    public const string HttpsRequired = "https-required";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string AdminRequired = "admin-required";
    public const string MailConsentRequired = "mail-consent-required";
    public const string MailboxNotShared = "mailbox-not-shared";
    public const string MailboxConsentRequired = "mailbox-consent-required";
    public const string NotFound = "not-found";
    public const string AttachmentNotFound = "attachment-not-found";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string EmailInUse = "email-in-use";
    public const string PrimaryExists = "primary-exists";
    public const string FieldExists = "field-exists";
    public const string AlreadyListed = "already-listed";
    public const string IntakeCompleted = "intake-completed";
    public const string ArchiveNotDue = "archive-not-due";
    public const string ArchiveMismatch = "archive-mismatch";
    public const string AuditRetentionOff = "audit-retention-off";
    public const string NothingToArchive = "nothing-to-archive";
    public const string VersionMismatch = "version-mismatch";
    public const string PayloadTooLarge = "payload-too-large";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string ClientHasNoEmail = "client-has-no-email";
    public const string NotTracked = "not-tracked";
    public const string NeverTrackFull = "never-track-full";
    public const string IdempotencyKeyReused = "idempotency-key-reused";
    public const string PreconditionRequired = "precondition-required";
    public const string TooManyRequests = "too-many-requests";
    public const string Cancelled = "cancelled";
    public const string ServerError = "server-error";
    public const string Unavailable = "unavailable";
    public const string MailUnavailable = "mail-unavailable";
    public const string MailboxUnavailable = "mailbox-unavailable";
    public const string AttachmentsUnavailable = "attachments-unavailable";

    /// <summary>All the codes above, in declaration order (the order of the OpenAPI enum).</summary>
    public static IReadOnlyList<string> All { get; } = typeof(ProblemCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    /// <summary>Gives the framework's own problems (401, 403, 404 from routing, 405 …) a code like ours.</summary>
    public static void AddMissingCode(ProblemDetailsContext context)
    {
        var details = context.ProblemDetails;
        if (details.Extensions.ContainsKey("code")) return;
        var code = ForStatus(details.Status ?? 500);
        details.Extensions["code"] = code;
        details.Type = ProblemTypes.Uri(code);
    }

    /// <summary>The code of a problem: its own, or the one its status gets.</summary>
    public static string CodeOf(ProblemDetails details) =>
        details.Extensions.TryGetValue("code", out var code) && code is string text ? text : ForStatus(details.Status ?? 500);

    public static string ForStatus(int status) => status switch
    {
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => TooManyRequests,
        >= 500 => ServerError,
        _ => BadRequest,
    };
}
