using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookCrm.Service.History;

namespace OutlookCrm.Service.Attachments;

sealed class EmailAttachmentConfiguration : IEntityTypeConfiguration<EmailAttachment>
{
    public void Configure(EntityTypeBuilder<EmailAttachment> e)
    {
        e.HasKey(x => x.Id);
        e.HasOne<SavedEmail>().WithMany().HasForeignKey(x => x.SavedEmailId).OnDelete(DeleteBehavior.Cascade);
        // Contents outlive a listing only until AttachmentCleanup removes the unreferenced ones.
        e.HasOne<StoredAttachment>().WithMany().HasForeignKey(x => x.StoredAttachmentId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Name).HasMaxLength(AttachmentNames.MaxLength);
        e.Property(x => x.DeclaredContentType).HasMaxLength(200);
        e.Property(x => x.SkipReason).HasMaxLength(32);
        e.HasIndex(x => new { x.WorkspaceId, x.SavedEmailId, x.Position });
        e.HasIndex(x => new { x.WorkspaceId, x.ClientId });
    }
}

sealed class StoredAttachmentConfiguration : IEntityTypeConfiguration<StoredAttachment>
{
    public void Configure(EntityTypeBuilder<StoredAttachment> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.StorageKey).HasMaxLength(97);
        e.HasIndex(x => new { x.WorkspaceId, x.Sha256 }).IsUnique();
    }
}
