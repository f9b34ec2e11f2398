using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OutlookCrm.Service.Idempotency;

sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.HasKey(r => new { r.WorkspaceId, r.UserId, r.Key });
        e.Property(r => r.Key).HasMaxLength(100);
        e.Property(r => r.RequestHash).HasMaxLength(64);
        e.Property(r => r.ResponseBody).HasMaxLength(1_000_000);
        e.Property(r => r.Location).HasMaxLength(200);
        e.Property(r => r.ETag).HasMaxLength(64);
        e.HasIndex(r => r.CreatedAt);
    }
}
