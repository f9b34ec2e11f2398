namespace OutlookCrm.Service.Problems;

/// <summary>
/// A failure the caller can act on. Thrown by handlers, turned into RFC 9457 problem details once,
/// by <see cref="ProblemExceptionHandler"/>. <see cref="Code"/> is stable so the pane can translate it.
/// </summary>
public sealed class ApiProblem(int status, string code, string title, string? detail = null) : Exception(title)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public Dictionary<string, object?> Extensions { get; } = [];

    public ApiProblem With(string key, object? value)
    {
        Extensions[key] = value;
        return this;
    }

    public static ApiProblem Validation(IDictionary<string, string[]> errors) =>
        new ApiProblem(400, ProblemCodes.ValidationFailed, "The request is not valid.", "See errors for each property.").With("errors", errors);

    public static ApiProblem Validation(string property, string message) =>
        Validation(new Dictionary<string, string[]> { [property] = [message] });

    public static ApiProblem MalformedJson(string? detail = null) =>
        new(400, ProblemCodes.MalformedJson, "The request body is not valid JSON for this endpoint.", detail);

    public static ApiProblem InvalidCursor() =>
        new(400, ProblemCodes.InvalidCursor, "The cursor is not valid for this query.");

    public static ApiProblem NotFound(string what) =>
        new(404, ProblemCodes.NotFound, $"The {what} was not found.");

    public static ApiProblem EmailInUse(IReadOnlyCollection<Guid> clientIds) =>
        new ApiProblem(409, ProblemCodes.EmailInUse, "The address already belongs to another client.",
                "Send allowSharedEmail: true to share it (for example a family address).")
            .With("existingClientIds", clientIds);

    public static ApiProblem PrimaryExists(string currentPrimary) =>
        new ApiProblem(409, ProblemCodes.PrimaryExists, "The client already has a primary email.",
                "Send replacePrimary: true to replace it.")
            .With("currentPrimary", currentPrimary);

    public static ApiProblem FieldExists(Guid fieldId) =>
        new ApiProblem(409, ProblemCodes.FieldExists, "A field with this label already exists.").With("existingFieldId", fieldId);

    public static ApiProblem ClientHasNoEmail() =>
        new(422, ProblemCodes.ClientHasNoEmail, "The client has no primary email to send the intake to.");

    public static ApiProblem MailUnavailable() =>
        new(503, ProblemCodes.MailUnavailable, "The email could not be sent right now.", "Nothing was sent; try again in a moment.");

    public static ApiProblem IntakeCompleted() =>
        new(409, ProblemCodes.IntakeCompleted, "This intake is already completed.");

    public static ApiProblem VersionMismatch() =>
        new(412, ProblemCodes.VersionMismatch, "The record was changed by someone else.", "Reload it and apply your change again.");

    public static ApiProblem PayloadTooLarge(long limit) =>
        new(413, ProblemCodes.PayloadTooLarge, "The request body is too large.", $"The limit is {limit} bytes.");

    public static ApiProblem UnsupportedMediaType() =>
        new(415, ProblemCodes.UnsupportedMediaType, "The request body must be application/json.");

    public static ApiProblem IdempotencyKeyReused() =>
        new(422, ProblemCodes.IdempotencyKeyReused, "This Idempotency-Key was used with a different request body.");

    public static ApiProblem PreconditionRequired() =>
        new(428, ProblemCodes.PreconditionRequired, "Send If-Match with the record's current ETag.");
}
