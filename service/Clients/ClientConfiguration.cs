using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookCrm.Service.Workspaces;

namespace OutlookCrm.Service.Clients;

sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> e)
    {
        e.HasKey(c => c.Id);
        e.HasOne<Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        e.Property(c => c.FirstName).HasMaxLength(100);
        e.Property(c => c.LastName).HasMaxLength(100);
        e.Property(c => c.PreferredName).HasMaxLength(100);
        e.Property(c => c.Phone).HasMaxLength(32);
        e.Property(c => c.Email).HasMaxLength(320);
        e.Property(c => c.EmailNormalized).HasMaxLength(320);
        e.Property(c => c.SortKey).HasMaxLength(240);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.Ignore(c => c.DisplayName);
        e.HasIndex(c => new { c.WorkspaceId, c.EmailNormalized });
        e.HasIndex(c => new { c.WorkspaceId, c.SortKey });
        e.HasMany(c => c.FieldValues).WithOne(v => v.Client).HasForeignKey(v => v.ClientId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.SearchTerms).WithOne().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.MatchKeys).WithOne().HasForeignKey(k => k.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ClientSearchTermConfiguration : IEntityTypeConfiguration<ClientSearchTerm>
{
    public void Configure(EntityTypeBuilder<ClientSearchTerm> e)
    {
        e.HasKey(t => new { t.WorkspaceId, t.Term, t.ClientId });
        e.Property(t => t.Term).HasMaxLength(320);
        e.HasIndex(t => t.ClientId);
    }
}
