using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OutlookCrm.Service.Infrastructure;

sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> e)
    {
        // A key's XML is a few kilobytes: above the model's default string length.
        e.Property(k => k.Xml).HasMaxLength(64_000);
        e.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
