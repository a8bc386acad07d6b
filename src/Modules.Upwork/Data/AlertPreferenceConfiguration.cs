using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class AlertPreferenceConfiguration : IEntityTypeConfiguration<AlertPreference>
{
    public void Configure(EntityTypeBuilder<AlertPreference> b)
    {
        b.ToTable("alert_preferences", UpworkSchema.Name);
        b.HasKey(p => p.UserId);
    }
}
