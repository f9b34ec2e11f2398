namespace OutlookCrm.Service.Workspaces;

/// <summary>One Microsoft 365 tenant's space: every other row belongs to exactly one.</summary>
public sealed class Workspace
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public DateTime CreatedAt { get; set; }
}
