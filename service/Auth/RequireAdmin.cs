using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Auth;

/// <summary>Admin-only endpoints: field deletion, intake templates, the audit trail, erasure.</summary>
sealed class RequireAdmin(CurrentUser user) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        user.IsAdmin ? next(context) : throw new ApiProblem(403, ProblemCodes.AdminRequired, "Only an administrator of the practice may do this.");
}
