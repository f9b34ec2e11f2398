using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OutlookCrm.Service.NeverTrack;

/// <summary>
/// An address or a domain (and its subdomains) the practice never keeps: labs, insurers,
/// newsletters, its own no-reply. The pane never offers to create, link or save from it.
/// </summary>
public sealed class NeverTrackEntry
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    /// <summary>A normalized address, or an ASCII (A-label) domain when <see cref="IsDomain"/>.</summary>
    public string Value { get; set; } = "";
    public bool IsDomain { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
}

sealed class NeverTrackEntryConfiguration : IEntityTypeConfiguration<NeverTrackEntry>
{
    public void Configure(EntityTypeBuilder<NeverTrackEntry> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Value).HasMaxLength(320);
        e.HasIndex(x => new { x.WorkspaceId, x.Value }).IsUnique();
    }
}
