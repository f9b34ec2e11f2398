using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Auth;

public sealed record DevelopmentTokenRequest(Guid? TenantId, Guid? UserId, string? Name, string? Email, List<string>? Roles);
public sealed record DevelopmentTokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

public static class DevelopmentTokenEndpoints
{
    public static void MapDevelopmentTokens(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dev/token", Issue)
            .WithTags("Development")
            .WithSummary("Issues a development access token (Auth:Mode=Development only).");
    }

    static DevelopmentTokenResponse Issue(DevelopmentTokenRequest request, DevelopmentTokenIssuer issuer)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.TenantId is null || request.TenantId == Guid.Empty) errors["tenantId"] = ["A tenant id (GUID) is required."];
        if (request.UserId is null || request.UserId == Guid.Empty) errors["userId"] = ["A user id (GUID) is required."];
        if (request.Name is { Length: > 100 }) errors["name"] = ["At most 100 characters."];
        if (!string.IsNullOrWhiteSpace(request.Email) && !EmailAddress.TryParse(request.Email, out _)) errors["email"] = ["Not a valid email address."];
        if (request.Roles is { } roles && (roles.Count > 5 || roles.Any(r => r is not (nameof(UserRole.Admin) or nameof(UserRole.Staff)))))
            errors["roles"] = ["Admin and/or Staff."];
        if (errors.Count > 0) throw ApiProblem.Validation(errors);

        var (token, expiresAt) = issuer.Issue(request.TenantId!.Value, request.UserId!.Value, request.Name, request.Email, request.Roles ?? []);
        return new DevelopmentTokenResponse(token, expiresAt);
    }
}
