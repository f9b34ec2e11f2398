using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OutlookCrm.Service.Audit;

sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public const string Table = "AuditRecords";
    /// <summary>The database itself refuses UPDATE and DELETE on the audit trail (see the AuditTrail migration).</summary>
    public const string AppendOnlyTrigger = "AuditRecords_append_only";

    public void Configure(EntityTypeBuilder<AuditRecord> e)
    {
        e.ToTable(Table, table => table.HasTrigger(AppendOnlyTrigger));
        e.HasKey(a => a.Sequence);
        e.Property(a => a.Sequence).ValueGeneratedOnAdd();
        e.Property(a => a.Action).HasMaxLength(64);
        e.Property(a => a.ObjectType).HasMaxLength(32);
        e.Property(a => a.ObjectId).HasMaxLength(64);
        e.Property(a => a.Outcome).HasMaxLength(64);
        e.Property(a => a.CorrelationId).HasMaxLength(64);
        // One index: a workspace's trail, newest first. Filters by client (which must also search the
        // revealed ids, so no index could serve it) or by user scan that page by page; indexes for them
        // cost every lookup two more index entries, half the record's bytes (BENCHMARKS.md).
        e.HasIndex(a => new { a.WorkspaceId, a.Sequence });
        e.Property(a => a.RevealedClients).HasMaxLength(64_000);
    }
}
