using Contracts.Upwork;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Analytics.Data;

/// <summary>
/// One proposal as the dashboard counts it (table <c>analytics.proposal_facts</c>): the stage dates, the buckets it falls
/// in and its letter's quality. It keeps the job's attributes after Upwork's 24-hour retention purges the job itself, and
/// tells an incremental update which days a changed proposal used to count on.
/// </summary>
internal sealed class ProposalFactRow
{
    public Guid ProposalId { get; set; }
    public Guid UserId { get; set; }
    public Guid? ProfileId { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public DateOnly? HiredOn { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? ViewedAt { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public DateTimeOffset? HiredAt { get; set; }
    public bool AiGenerated { get; set; }
    public string? Template { get; set; }
    public string? Category { get; set; }
    public string? JobType { get; set; }
    public decimal? BudgetMin { get; set; }
    public decimal? BudgetMax { get; set; }
    public DateTimeOffset? JobPostedAt { get; set; }
    public string? SavedSearch { get; set; }
    public decimal? BidAmount { get; set; }
    public int? ConnectsSpent { get; set; }

    /// <summary>The quality score of the latest letter the user had written for the job.</summary>
    public decimal? Quality { get; set; }

    /// <summary>When this module last wrote the row (a nightly rebuild leaves rows newer than its own read alone).</summary>
    public DateTimeOffset RefreshedAt { get; set; }

    /// <summary>
    /// Copies <paramref name="fact"/> in. What only the job knew (category, type, budget, posting time, the saved search
    /// that found it) and the letter's score are kept when the source no longer has them.
    /// </summary>
    public ProposalFactRow Apply(ProposalFact fact, decimal? quality, DateTimeOffset now)
    {
        ProposalId = fact.Id;
        UserId = fact.UserId;
        ProfileId = fact.ProfileId;
        SubmittedAt = fact.SubmittedAt;
        ViewedAt = fact.ViewedAt;
        RepliedAt = fact.RepliedAt;
        HiredAt = fact.HiredAt;
        SubmittedOn = fact.SubmittedAt is { } s ? DateOnly.FromDateTime(s.UtcDateTime) : null;
        HiredOn = fact.HiredAt is { } h ? DateOnly.FromDateTime(h.UtcDateTime) : null;
        AiGenerated = fact.AiGenerated;
        Template = fact.TemplateName;
        Category = fact.Category ?? Category;
        JobType = fact.JobType ?? JobType;
        BudgetMin = fact.BudgetMin ?? BudgetMin;
        BudgetMax = fact.BudgetMax ?? BudgetMax;
        JobPostedAt = fact.JobPostedAt ?? JobPostedAt;
        SavedSearch = fact.SavedSearch ?? SavedSearch;
        BidAmount = fact.BidAmount;
        ConnectsSpent = fact.ConnectsSpent;
        Quality = quality ?? Quality;
        RefreshedAt = now;
        return this;
    }
}

/// <summary>
/// A daily rollup (table <c>analytics.proposal_rollups</c>): one user's (and profile's) proposals sent on one day that
/// fall in one bucket of one dimension, with how many of them the client viewed, answered and hired; the
/// <c>hired_on</c> dimension counts hires and revenue on the day of the hire instead. Rows of user <see cref="Guid.Empty"/>
/// are the whole team's sums. The dashboard sums these rows.
/// </summary>
internal sealed class ProposalRollup
{
    public Guid UserId { get; set; }

    /// <summary>The profile the proposals were sent with; <see cref="Guid.Empty"/> for none.</summary>
    public Guid ProfileId { get; set; }
    public DateOnly Day { get; set; }
    public required string Dimension { get; set; }
    public required string Bucket { get; set; }
    public int Sent { get; set; }
    public int Viewed { get; set; }
    public int Replied { get; set; }
    public int Hired { get; set; }
    public int Connects { get; set; }
    public decimal Revenue { get; set; }
    public decimal QualitySum { get; set; }
    public int QualityCount { get; set; }
}

internal sealed class ProposalFactRowConfiguration : IEntityTypeConfiguration<ProposalFactRow>
{
    public void Configure(EntityTypeBuilder<ProposalFactRow> b)
    {
        b.ToTable("proposal_facts", AnalyticsSchema.Name);
        b.HasKey(f => f.ProposalId);
        b.HasIndex(f => new { f.UserId, f.SubmittedOn });
        b.HasIndex(f => new { f.UserId, f.HiredOn });
        b.Property(f => f.Template).HasMaxLength(200);
        b.Property(f => f.Category).HasMaxLength(200);
        b.Property(f => f.JobType).HasMaxLength(20);
        b.Property(f => f.SavedSearch).HasMaxLength(200);
        b.Property(f => f.BudgetMin).HasPrecision(12, 2);
        b.Property(f => f.BudgetMax).HasPrecision(12, 2);
        b.Property(f => f.BidAmount).HasPrecision(12, 2);
        b.Property(f => f.Quality).HasPrecision(5, 4);
    }
}

internal sealed class ProposalRollupConfiguration : IEntityTypeConfiguration<ProposalRollup>
{
    public void Configure(EntityTypeBuilder<ProposalRollup> b)
    {
        b.ToTable("proposal_rollups", AnalyticsSchema.Name);
        b.HasKey(r => new { r.UserId, r.ProfileId, r.Day, r.Dimension, r.Bucket });
        b.HasIndex(r => new { r.UserId, r.Day, r.Dimension });
        b.Property(r => r.Dimension).HasMaxLength(30);
        b.Property(r => r.Bucket).HasMaxLength(200);
        b.Property(r => r.Revenue).HasPrecision(14, 2);
        b.Property(r => r.QualitySum).HasPrecision(14, 4);
    }
}
