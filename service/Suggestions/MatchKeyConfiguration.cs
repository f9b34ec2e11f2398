using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OutlookCrm.Service.Suggestions;

sealed class MatchKeyConfiguration : IEntityTypeConfiguration<ClientMatchKey>
{
    public void Configure(EntityTypeBuilder<ClientMatchKey> e)
    {
        // The key's order is the suggestion query's: one seek per (kind, key) within the workspace.
        e.HasKey(k => new { k.WorkspaceId, k.Kind, k.Key, k.ClientId });
        e.Property(k => k.Key).HasMaxLength(MatchKeys.MaxKeyLength);
        e.HasIndex(k => k.ClientId);
    }
}
