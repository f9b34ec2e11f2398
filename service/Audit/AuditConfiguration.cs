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
        e.HasIndex(a => new { a.WorkspaceId, a.Sequence });
        e.HasIndex(a => new { a.WorkspaceId, a.ObjectId, a.Sequence });
        e.HasIndex(a => new { a.WorkspaceId, a.UserId, a.Sequence });
        e.Property(a => a.RevealedClients).HasMaxLength(64_000);
    }
}
