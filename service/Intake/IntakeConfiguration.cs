using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.Workspaces;

namespace OutlookCrm.Service.Intake;

sealed class IntakeTemplateConfiguration : IEntityTypeConfiguration<IntakeTemplate>
{
    public void Configure(EntityTypeBuilder<IntakeTemplate> e)
    {
        e.HasKey(t => t.Id);
        e.HasOne<Workspace>().WithMany().HasForeignKey(t => t.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        e.Property(t => t.Name).HasMaxLength(100);
        e.Property(t => t.EmailSubject).HasMaxLength(200);
        e.Property(t => t.EmailMessage).HasMaxLength(4000);
        e.Property(t => t.Form).HasMaxLength(200_000);
        e.Property(t => t.Language).HasMaxLength(16);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.HasIndex(t => t.WorkspaceId);
    }
}

sealed class IntakeRequestConfiguration : IEntityTypeConfiguration<IntakeRequest>
{
    public void Configure(EntityTypeBuilder<IntakeRequest> e)
    {
        e.HasKey(r => r.Id);
        e.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Cascade);
        e.Property(r => r.TemplateName).HasMaxLength(100);
        e.Property(r => r.Form).HasMaxLength(200_000);
        e.Property(r => r.Language).HasMaxLength(16);
        e.Property(r => r.TokenHash).HasMaxLength(64);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.SentTo).HasMaxLength(320);
        e.Property(r => r.Delivery).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.DeliveryProblem).HasMaxLength(64);
        e.Property(r => r.Answers).HasMaxLength(200_000);
        e.HasIndex(r => r.TokenHash).IsUnique();
        e.HasIndex(r => new { r.WorkspaceId, r.ClientId, r.SentAt });
    }
}
