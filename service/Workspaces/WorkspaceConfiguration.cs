using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OutlookCrm.Service.Workspaces;

sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> e)
    {
        e.HasKey(w => w.Id);
        e.HasIndex(w => w.TenantId).IsUnique();
    }
}
