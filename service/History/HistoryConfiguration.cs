using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookCrm.Service.Clients;

namespace OutlookCrm.Service.History;

sealed class ClientEventConfiguration : IEntityTypeConfiguration<ClientEvent>
{
    public void Configure(EntityTypeBuilder<ClientEvent> e)
    {
        e.HasKey(x => x.Id);
        e.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Detail).HasMaxLength(2000);
        e.HasIndex(x => new { x.WorkspaceId, x.ClientId, x.OccurredAt });
    }
}

sealed class SavedEmailConfiguration : IEntityTypeConfiguration<SavedEmail>
{
    public void Configure(EntityTypeBuilder<SavedEmail> e)
    {
        e.HasKey(x => x.Id);
        e.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.InternetMessageId).HasMaxLength(512);
        e.Property(x => x.ItemId).HasMaxLength(512);
        e.Property(x => x.ConversationId).HasMaxLength(SavedEmails.MaxConversationIdLength);
        e.Property(x => x.Subject).HasMaxLength(500);
        e.Property(x => x.FromAddress).HasMaxLength(320);
        e.Property(x => x.FromName).HasMaxLength(200);
        e.Property(x => x.To).HasMaxLength(20_000);
        e.Property(x => x.Cc).HasMaxLength(20_000);
        e.Property(x => x.Preview).HasMaxLength(300);
        e.HasIndex(x => new { x.WorkspaceId, x.ClientId, x.InternetMessageId }).IsUnique();
        e.HasIndex(x => new { x.WorkspaceId, x.ClientId, x.SentAt });
        e.HasIndex(x => new { x.WorkspaceId, x.ConversationId });
    }
}
