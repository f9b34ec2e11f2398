using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OutlookCrm.Service.Workspaces;

/// <summary>A user seen in a workspace; the first one may bootstrap as Admin in Development.</summary>
public sealed class WorkspaceMember
{
    public Guid WorkspaceId { get; set; }
    public Guid UserId { get; set; }
    public DateTime FirstSeenAt { get; set; }
    public bool IsFirst { get; set; }
    /// <summary>The name from the user's token, so records can say who created or changed them.</summary>
    public string? DisplayName { get; set; }
    /// <summary>The user's default in compose: emails to known clients are saved to their records when sent.</summary>
    public bool SaveToKnownClientsWhenSent { get; set; }
    /// <summary>Later emails of a conversation already saved to a record are saved there when the pane opens them.</summary>
    public bool SaveConversationsAutomatically { get; set; }
}

sealed class WorkspaceMemberConfiguration : IEntityTypeConfiguration<WorkspaceMember>
{
    public void Configure(EntityTypeBuilder<WorkspaceMember> e)
    {
        e.HasKey(m => new { m.WorkspaceId, m.UserId });
        e.HasOne<Workspace>().WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        e.Property(m => m.DisplayName).HasMaxLength(200);
    }
}
