namespace OutlookCrm.Service.Auth;

public enum UserRole { Staff, Admin }

/// <summary>The signed-in caller of this request, filled from the validated token's claims.</summary>
public sealed class CurrentUser
{
    public Guid TenantId { get; private set; }
    public Guid UserId { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public string? Name { get; private set; }
    public string? Email { get; private set; }
    public UserRole Role { get; private set; }
    public bool IsResolved { get; private set; }
    public bool IsAdmin => Role == UserRole.Admin;

    public void Resolve(Guid tenantId, Guid userId, Guid workspaceId, string? name, string? email, UserRole role = UserRole.Staff)
    {
        TenantId = tenantId;
        UserId = userId;
        WorkspaceId = workspaceId;
        Name = name;
        Email = email;
        Role = role;
        IsResolved = true;
    }
}
