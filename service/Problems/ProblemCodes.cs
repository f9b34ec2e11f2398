using System.ComponentModel;
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
    [Description("400: the request could not be read (a route value, query or header the framework refused).")]
    public const string BadRequest = "bad-request";
    [Description("4xx: the server refused the request before reading it.")]
    public const string RequestRejected = "request-rejected";
    [Description("400: bad body or query; `errors: {\"field\": [\"message\"]}`.")]
    public const string ValidationFailed = "validation-failed";
    [Description("400: the body is not JSON, or has wrong JSON types.")]
    public const string MalformedJson = "malformed-json";
    [Description("400: a forged or corrupt `cursor`.")]
    public const string InvalidCursor = "invalid-cursor";
    [Description("400: plain HTTP from outside the host (production accepts HTTPS only).")]
    public const string HttpsRequired = "https-required";
    [Description("401: no token, or an invalid one.")]
    public const string Unauthorized = "unauthorized";
    [Description("403: the token is valid but not allowed (for example a missing scope).")]
    public const string Forbidden = "forbidden";
    [Description("403: an admin-only endpoint (field deletion, intake templates, never track, audit, erasure).")]
    public const string AdminRequired = "admin-required";
    [Description("403: sending an intake needs the user's consent to Mail.Send; `scopes`, `intakeId` (kept as notSent).")]
    public const string MailConsentRequired = "mail-consent-required";
    [Description("403: `?mailbox=` names a mailbox Graph says the caller cannot read.")]
    public const string MailboxNotShared = "mailbox-not-shared";
    [Description("403: saving from a shared mailbox needs the user's consent to Mail.Read.Shared; `scopes`.")]
    public const string MailboxConsentRequired = "mailbox-consent-required";
    [Description("404: an unknown id, or an id of another workspace.")]
    public const string NotFound = "not-found";
    [Description("404: the attachment is not stored (skipped, removed, or another client's).")]
    public const string AttachmentNotFound = "attachment-not-found";
    [Description("405: the path exists, not with this method.")]
    public const string MethodNotAllowed = "method-not-allowed";
    [Description("409: the address belongs to another client; `existingClientIds`.")]
    public const string EmailInUse = "email-in-use";
    [Description("409: linking as primary while the client has one; `currentPrimary`.")]
    public const string PrimaryExists = "primary-exists";
    [Description("409: a field definition with that label (case-insensitive) exists; `existingFieldId`.")]
    public const string FieldExists = "field-exists";
    [Description("409: the address or domain is already on the never-track list; `existingEntryId`.")]
    public const string AlreadyListed = "already-listed";
    [Description("409: resending or revoking a completed intake.")]
    public const string IntakeCompleted = "intake-completed";
    [Description("409: save on send: the email was already sent (or its saves closed), so where it is saved can no longer change.")]
    public const string SendSaveClosed = "send-save-closed";
    [Description("409: audit archiving: some records are newer than the retention period; `dueThroughSequence`.")]
    public const string ArchiveNotDue = "archive-not-due";
    [Description("409: audit archiving: the SHA-256 is not that of the archive file.")]
    public const string ArchiveMismatch = "archive-mismatch";
    [Description("409: audit archiving: records are kept forever (no retention period set).")]
    public const string AuditRetentionOff = "audit-retention-off";
    [Description("409: audit archiving: no record is older than the retention period.")]
    public const string NothingToArchive = "nothing-to-archive";
    [Description("412: `If-Match` names no current version of the record (its `ETag`).")]
    public const string VersionMismatch = "version-mismatch";
    [Description("413: the body is over the limit.")]
    public const string PayloadTooLarge = "payload-too-large";
    [Description("415: the body is not application/json.")]
    public const string UnsupportedMediaType = "unsupported-media-type";
    [Description("422: sending an intake to a client without a primary email.")]
    public const string ClientHasNoEmail = "client-has-no-email";
    [Description("422: saving an email from a sender on the never-track list.")]
    public const string NotTracked = "not-tracked";
    [Description("422: the never-track list is full.")]
    public const string NeverTrackFull = "never-track-full";
    [Description("422: the same `Idempotency-Key` with a different body.")]
    public const string IdempotencyKeyReused = "idempotency-key-reused";
    [Description("428: a client update (`PATCH`) without `If-Match`.")]
    public const string PreconditionRequired = "precondition-required";
    [Description("429: per-user, per-tenant or (anonymous) per-IP rate limit; `Retry-After`.")]
    public const string TooManyRequests = "too-many-requests";
    [Description("499: the caller went away before the answer (never seen by a caller).")]
    public const string Cancelled = "cancelled";
    [Description("500: an unexpected failure (logged).")]
    public const string ServerError = "server-error";
    [Description("503: the database is unavailable; `Retry-After`.")]
    public const string Unavailable = "unavailable";
    [Description("503: Graph could not send an intake email; nothing was sent; `intakeId` (kept as notSent).")]
    public const string MailUnavailable = "mail-unavailable";
    [Description("503: Graph could not say whether the caller may read the shared mailbox; nothing was saved.")]
    public const string MailboxUnavailable = "mailbox-unavailable";
    [Description("503: the email's attachments could not be read from the mailbox; nothing was saved.")]
    public const string AttachmentsUnavailable = "attachments-unavailable";

    /// <summary>All the codes above with when each is sent, in declaration order (the order of the OpenAPI enum).</summary>
    public static IReadOnlyList<(string Code, string When)> Described { get; } = typeof(ProblemCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => ((string)f.GetRawConstantValue()!, f.GetCustomAttribute<DescriptionAttribute>()?.Description ?? ""))
        .ToList();

    public static IReadOnlyList<string> All { get; } = Described.Select(d => d.Code).ToList();

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
