using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OutlookCrm.Service.Audit;

/// <summary>
/// One archiving of a workspace's audit trail: every record up to <see cref="ThroughSequence"/> was
/// exported to a file whose SHA-256 the admin sent back, then removed. The database lets audit records
/// be deleted only when an archive row covers them (the AuditArchives migration), and archive rows are
/// themselves append-only: archiving is the one way records leave the trail.
/// </summary>
public sealed class AuditArchive
{
    public long Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public long ThroughSequence { get; set; }
    public int RecordCount { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTime ArchivedAt { get; set; }
    public Guid ArchivedBy { get; set; }
}

sealed class AuditArchiveConfiguration : IEntityTypeConfiguration<AuditArchive>
{
    public const string Table = "AuditArchives";
    public const string AppendOnlyTrigger = "AuditArchives_append_only";

    public void Configure(EntityTypeBuilder<AuditArchive> e)
    {
        e.ToTable(Table, table => table.HasTrigger(AppendOnlyTrigger));
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).ValueGeneratedOnAdd();
        e.Property(a => a.Sha256).HasMaxLength(64).IsUnicode(false);
        e.HasIndex(a => new { a.WorkspaceId, a.ThroughSequence });
    }
}
