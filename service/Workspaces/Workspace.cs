namespace OutlookCrm.Service.Workspaces;

/// <summary>One Microsoft 365 tenant's space: every other row belongs to exactly one.</summary>
public sealed class Workspace
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Whether every client has its suggestion keys (false for workspaces that existed before them, until <see cref="Suggestions.MatchKeyBackfill"/> has run).</summary>
    public bool MatchKeysIndexed { get; set; }
}
