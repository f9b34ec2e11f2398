using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OutlookCrm.Service.Problems;

/// <summary>Gives the framework's own problems (401, 403, 404 from routing, 405 …) a code like ours.</summary>
static class ProblemCodes
{
    // --- Save on send (service/SendSaves) ---
    /// <summary>The email was already sent (or its saves closed): the choice can no longer change.</summary>
    public const string SendSaveClosed = "send-save-closed";
    // --- end save on send ---

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
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        413 => "payload-too-large",
        415 => "unsupported-media-type",
        429 => "too-many-requests",
        >= 500 => "internal-error",
        _ => "bad-request",
    };
}
