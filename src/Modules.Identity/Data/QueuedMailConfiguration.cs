using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Identity.Data;

internal sealed class QueuedMailConfiguration : IEntityTypeConfiguration<QueuedMail>
{
    public void Configure(EntityTypeBuilder<QueuedMail> b)
    {
        b.ToTable("mail_outbox", IdentitySchema.Name);
        b.HasKey(m => m.Id);
        b.Property(m => m.Kind).HasMaxLength(40);
        b.Property(m => m.Subject).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(400);
        b.HasIndex(m => m.NextAttemptAt);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
