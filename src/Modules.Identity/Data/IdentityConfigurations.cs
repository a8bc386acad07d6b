using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Identity.Data;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        b.ToTable("sessions", IdentitySchema.Name);
        b.HasKey(s => s.Id);
        b.Property(s => s.Kind).HasMaxLength(20);
        b.Property(s => s.Device).HasMaxLength(300);
        b.Property(s => s.IpAddress).HasMaxLength(64);
        b.Property(s => s.RevokedReason).HasMaxLength(100);
        b.HasIndex(s => s.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> b)
    {
        b.ToTable("refresh_tokens", IdentitySchema.Name);
        b.HasKey(t => t.Id);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.SessionId);
        b.HasOne<Session>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events", IdentitySchema.Name);
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasMaxLength(50);
        b.Property(e => e.Detail).HasMaxLength(500);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.Count).HasDefaultValue(1);
        b.HasIndex(e => new { e.UserId, e.CreatedAt });
        b.HasIndex(e => e.CreatedAt);   // the workspace listing (newest first) and the retention purge
    }
}

internal sealed class UsageCounterConfiguration : IEntityTypeConfiguration<UsageCounter>
{
    public void Configure(EntityTypeBuilder<UsageCounter> b)
    {
        b.ToTable("usage_counters", IdentitySchema.Name);
        b.HasKey(c => new { c.UserId, c.Period, c.Feature });
        b.Property(c => c.Period).HasMaxLength(7);
        b.Property(c => c.Feature).HasMaxLength(50);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredApiKeyConfiguration : IEntityTypeConfiguration<StoredApiKey>
{
    public void Configure(EntityTypeBuilder<StoredApiKey> b)
    {
        b.ToTable("user_api_keys", IdentitySchema.Name);
        b.HasKey(k => k.Id);
        b.Property(k => k.Provider).HasMaxLength(50);
        b.Property(k => k.Ciphertext).HasMaxLength(2000);
        b.Property(k => k.Nonce).HasMaxLength(32);
        b.Property(k => k.Tag).HasMaxLength(32);
        b.Property(k => k.BaseUrl).HasMaxLength(500);
        b.Property(k => k.Hint).HasMaxLength(20);
        b.HasIndex(k => new { k.UserId, k.Provider });
        b.HasOne<AppUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProfileEntityConfiguration : IEntityTypeConfiguration<ProfileEntity>
{
    public void Configure(EntityTypeBuilder<ProfileEntity> b)
    {
        b.ToTable("freelancer_profiles", IdentitySchema.Name);
        b.HasKey(p => p.Id);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Overview).HasMaxLength(5000);
        b.Property(p => p.HourlyRate).HasPrecision(10, 2);
        b.HasIndex(p => p.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.OwnsMany(p => p.Portfolio, o => o.ToJson("portfolio"));
        b.OwnsMany(p => p.SampleLetters, o => o.ToJson("sample_letters"));
    }
}

internal sealed class MfaSecretConfiguration : IEntityTypeConfiguration<MfaSecret>
{
    public void Configure(EntityTypeBuilder<MfaSecret> b)
    {
        b.ToTable("mfa_secrets", IdentitySchema.Name);
        b.HasKey(m => m.UserId);
        b.Property(m => m.Ciphertext).HasMaxLength(200);
        b.Property(m => m.Nonce).HasMaxLength(32);
        b.Property(m => m.Tag).HasMaxLength(32);
        // Spending a recovery code rewrites the list WHERE it is still what was read: two requests racing with the same
        // code cannot both pass (the loser's UPDATE matches no row).
        b.Property(m => m.RecoveryCodeHashes).IsConcurrencyToken();
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

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
