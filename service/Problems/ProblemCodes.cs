using Microsoft.AspNetCore.Http;

namespace OutlookCrm.Service.Problems;

/// <summary>Gives the framework's own problems (401, 403, 404 from routing, 405 …) a code like ours.</summary>
static class ProblemCodes
{
    public static void AddMissingCode(ProblemDetailsContext context)
    {
        var details = context.ProblemDetails;
        if (details.Extensions.ContainsKey("code")) return;
        var code = details.Status switch
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
        details.Extensions["code"] = code;
        details.Type = ProblemTypes.Uri(code);
    }
}
