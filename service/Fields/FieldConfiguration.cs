using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookCrm.Service.Workspaces;

namespace OutlookCrm.Service.Fields;

sealed class FieldDefinitionConfiguration : IEntityTypeConfiguration<FieldDefinition>
{
    public void Configure(EntityTypeBuilder<FieldDefinition> e)
    {
        e.HasKey(f => f.Id);
        e.HasOne<Workspace>().WithMany().HasForeignKey(f => f.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        e.Property(f => f.Label).HasMaxLength(100);
        e.Property(f => f.LabelKey).HasMaxLength(100);
        e.Property(f => f.Type).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(f => new { f.WorkspaceId, f.LabelKey }).IsUnique();
    }
}

sealed class FieldValueConfiguration : IEntityTypeConfiguration<FieldValue>
{
    public void Configure(EntityTypeBuilder<FieldValue> e)
    {
        e.HasKey(v => new { v.ClientId, v.FieldId });
        e.HasOne(v => v.Field).WithMany().HasForeignKey(v => v.FieldId).OnDelete(DeleteBehavior.Cascade);
        e.Property(v => v.EmailNormalized).HasMaxLength(320);
        e.HasIndex(v => new { v.WorkspaceId, v.EmailNormalized });
        e.HasIndex(v => v.FieldId);
    }
}
