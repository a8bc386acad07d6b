using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

internal sealed class UpworkConnectionConfiguration : IEntityTypeConfiguration<UpworkConnection>
{
    public void Configure(EntityTypeBuilder<UpworkConnection> b)
    {
        b.ToTable("connections", UpworkSchema.Name);
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.UserId).IsUnique();
        b.HasIndex(c => c.UpworkUserId);
        b.Property(c => c.UpworkUserId).HasMaxLength(40);
        b.Property(c => c.UpworkNid).HasMaxLength(100);
        b.Property(c => c.UpworkName).HasMaxLength(200);
        b.Property(c => c.UpworkEmail).HasMaxLength(256);
        b.Property(c => c.OrganizationId).HasMaxLength(40);
        b.Property(c => c.OrganizationName).HasMaxLength(200);
        b.Property(c => c.AccessToken).HasMaxLength(1000);
        b.Property(c => c.RefreshToken).HasMaxLength(1000);
        b.Property(c => c.Status).HasMaxLength(20);
        b.Property(c => c.LastError).HasMaxLength(1000);
    }
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> b)
    {
        b.ToTable("saved_searches", UpworkSchema.Name);
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.FilterKey);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Query).HasMaxLength(500);
        b.Property(s => s.JobType).HasMaxLength(20);
        b.Property(s => s.ExperienceLevel).HasMaxLength(20);
        b.Property(s => s.FilterKey).HasMaxLength(64);
    }
}

internal sealed class SyncStateConfiguration : IEntityTypeConfiguration<SyncState>
{
    public void Configure(EntityTypeBuilder<SyncState> b)
    {
        b.ToTable("sync_states", UpworkSchema.Name);
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(100);
        b.Property(s => s.HighWaterIds).HasMaxLength(4000);
        b.Property(s => s.LastError).HasMaxLength(1000);
    }
}

internal sealed class SavedJobConfiguration : IEntityTypeConfiguration<SavedJob>
{
    public void Configure(EntityTypeBuilder<SavedJob> b)
    {
        b.ToTable("saved_jobs", UpworkSchema.Name);
        b.HasKey(s => new { s.UserId, s.JobPostingId });
        b.HasIndex(s => s.JobPostingId);
        b.Property(s => s.UpworkJobId).HasMaxLength(100);
        b.Property(s => s.JobTitle).HasMaxLength(500);
        b.Property(s => s.JobUrl).HasMaxLength(500);
    }
}

internal sealed class WebhookSourceConfiguration : IEntityTypeConfiguration<WebhookSource>
{
    public void Configure(EntityTypeBuilder<WebhookSource> b)
    {
        b.ToTable("webhook_sources", UpworkSchema.Name);
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.UserId);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Secret).HasMaxLength(500);
    }
}

internal sealed class WebhookReceiptConfiguration : IEntityTypeConfiguration<WebhookReceipt>
{
    public void Configure(EntityTypeBuilder<WebhookReceipt> b)
    {
        b.ToTable("webhook_receipts", UpworkSchema.Name);
        b.HasKey(r => new { r.SourceId, r.EventId });
        b.Property(r => r.EventId).HasMaxLength(200);
        b.HasIndex(r => r.ReceivedAt);
    }
}

internal sealed class SearchMatchConfiguration : IEntityTypeConfiguration<SearchMatch>
{
    public void Configure(EntityTypeBuilder<SearchMatch> b)
    {
        b.ToTable("matches", UpworkSchema.Name);
        b.HasKey(m => m.Id);
        b.HasIndex(m => new { m.SavedSearchId, m.JobPostingId }).IsUnique();
        b.HasIndex(m => new { m.UserId, m.MatchedAt });
        b.HasIndex(m => m.JobPostingId);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications", UpworkSchema.Name);
        b.HasKey(n => n.Id);
        b.HasIndex(n => new { n.UserId, n.CreatedAt });
        b.HasIndex(n => new { n.UserId, n.ReadAt });
        b.Property(n => n.Kind).HasMaxLength(30);
        b.Property(n => n.Title).HasMaxLength(500);
        b.Property(n => n.Detail).HasMaxLength(1000);
    }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("proposals", UpworkSchema.Name);
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.UserId, p.Status });
        b.HasIndex(p => p.JobPostingId);
        b.HasIndex(p => new { p.UserId, p.FollowUpAt });
        b.Property(p => p.Status).HasMaxLength(20);
        b.Property(p => p.BidAmount).HasPrecision(10, 2);
        b.Property(p => p.CoverLetter).HasMaxLength(20_000);
        b.Property(p => p.TemplateName).HasMaxLength(100);
        b.Property(p => p.JobTitle).HasMaxLength(500);
        b.Property(p => p.UpworkJobId).HasMaxLength(100);
        b.Property(p => p.JobUrl).HasMaxLength(500);
    }
}

internal sealed class ProposalTransitionConfiguration : IEntityTypeConfiguration<ProposalTransition>
{
    public void Configure(EntityTypeBuilder<ProposalTransition> b)
    {
        b.ToTable("proposal_history", UpworkSchema.Name);
        b.HasKey(t => t.Id);
        b.HasIndex(t => new { t.ProposalId, t.At });
        b.Property(t => t.FromStatus).HasMaxLength(20);
        b.Property(t => t.ToStatus).HasMaxLength(20);
        b.Property(t => t.Source).HasMaxLength(20);
    }
}

internal sealed class AlertChannelConfiguration : IEntityTypeConfiguration<AlertChannel>
{
    public void Configure(EntityTypeBuilder<AlertChannel> b)
    {
        b.ToTable("alert_channels", UpworkSchema.Name);
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.UserId);
        b.Property(c => c.Kind).HasMaxLength(20);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Target).HasMaxLength(2000);
        b.Property(c => c.Secret).HasMaxLength(1000);
        b.Property(c => c.LastError).HasMaxLength(1000);
        b.Property(c => c.ConfirmationTokenHash).HasMaxLength(64);
        b.HasIndex(c => c.ConfirmationTokenHash).IsUnique();
    }
}

internal sealed class AlertDeliveryConfiguration : IEntityTypeConfiguration<AlertDelivery>
{
    public void Configure(EntityTypeBuilder<AlertDelivery> b)
    {
        b.ToTable("alert_deliveries", UpworkSchema.Name);
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.ChannelId, d.NotificationId }).IsUnique();
        b.HasIndex(d => new { d.DeliveredAt, d.NextAttemptAt });
        b.Property(d => d.LastError).HasMaxLength(1000);
    }
}

internal sealed class AlertPreferenceConfiguration : IEntityTypeConfiguration<AlertPreference>
{
    public void Configure(EntityTypeBuilder<AlertPreference> b)
    {
        b.ToTable("alert_preferences", UpworkSchema.Name);
        b.HasKey(p => p.UserId);
    }
}

internal sealed class SavedSearchFollowConfiguration : IEntityTypeConfiguration<SavedSearchFollow>
{
    public void Configure(EntityTypeBuilder<SavedSearchFollow> b)
    {
        b.ToTable("saved_search_follows", UpworkSchema.Name);
        b.HasKey(f => new { f.SavedSearchId, f.UserId });
        b.HasIndex(f => f.UserId);
    }
}

internal sealed class JobAccessConfiguration : IEntityTypeConfiguration<JobAccess>
{
    public void Configure(EntityTypeBuilder<JobAccess> b)
    {
        b.ToTable("job_access", UpworkSchema.Name);
        b.HasKey(a => new { a.JobPostingId, a.UserId, a.Via });
        b.HasIndex(a => new { a.UserId, a.JobPostingId });
        b.Property(a => a.Via).HasMaxLength(20);
        // The database deletes a job's rows with it: the purge deletes jobs in bulk.
        b.HasOne<JobPosting>().WithMany().HasForeignKey(a => a.JobPostingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConnectionShareConfiguration : IEntityTypeConfiguration<ConnectionShare>
{
    public void Configure(EntityTypeBuilder<ConnectionShare> b)
    {
        b.ToTable("connection_shares", UpworkSchema.Name);
        b.HasKey(s => new { s.OwnerUserId, s.MemberUserId });
        b.HasIndex(s => s.MemberUserId);
    }
}
