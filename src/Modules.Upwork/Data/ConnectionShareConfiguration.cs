using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class ConnectionShareConfiguration : IEntityTypeConfiguration<ConnectionShare>
{
    public void Configure(EntityTypeBuilder<ConnectionShare> b)
    {
        b.ToTable("connection_shares", UpworkSchema.Name);
        b.HasKey(s => new { s.OwnerUserId, s.MemberUserId });
        b.HasIndex(s => s.MemberUserId);
    }
}
