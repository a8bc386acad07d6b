using Contracts.Upwork;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Modules.Analytics.Rollups;

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

    /// <summary>No longer written: the exact budget is Upwork content (docs/data-retention.md); <see cref="BudgetBand"/> keeps the bucket.</summary>
    public decimal? BudgetMin { get; set; }

    /// <summary>No longer written, as <see cref="BudgetMin"/>.</summary>
    public decimal? BudgetMax { get; set; }

    /// <summary>No longer written: the posting time is Upwork content; <see cref="SpeedBucket"/> keeps how fast the user applied.</summary>
    public DateTimeOffset? JobPostedAt { get; set; }

    /// <summary>The job's budget band (<see cref="Rollups.Dimensions.BandOrder"/>): a coarse bucket, the user's own record.</summary>
    public string? BudgetBand { get; set; }

    /// <summary>How soon after posting the proposal went out (<see cref="Rollups.Dimensions.SpeedOrder"/>): a coarse bucket.</summary>
    public string? SpeedBucket { get; set; }
    public string? SavedSearch { get; set; }

    /// <summary>The client's payment verification (<see cref="Rollups.Dimensions.PaymentOrder"/>), kept after the job is purged.</summary>
    public string? PaymentBucket { get; set; }

    /// <summary>The client's earlier hires as a band (<see cref="Rollups.Dimensions.ClientHiresOrder"/>).</summary>
    public string? ClientHiresBucket { get; set; }

    /// <summary>The job's proposal count as a band (<see cref="Rollups.Dimensions.CompetitionOrder"/>), as last seen while it was stored.</summary>
    public string? CompetitionBucket { get; set; }

    /// <summary>The user's letter length as a band (<see cref="Rollups.Dimensions.LetterOrder"/>).</summary>
    public string? LetterBucket { get; set; }
    public decimal? BidAmount { get; set; }
    public int? ConnectsSpent { get; set; }

    /// <summary>The quality score of the latest letter the user had written for the job.</summary>
    public decimal? Quality { get; set; }

    /// <summary>When this module last wrote the row (a nightly rebuild leaves rows newer than its own read alone).</summary>
    public DateTimeOffset RefreshedAt { get; set; }

    /// <summary>
    /// Copies <paramref name="fact"/> in. Of the job, only coarse buckets are kept (category, type, budget band, how soon
    /// after posting the user applied): the exact budget and posting time are Upwork content, which may not be kept past
    /// 24 hours (docs/data-retention.md), so they are never stored and rows from older versions lose them on their next
    /// refresh. The buckets, the saved search that found the job and the letter's score are kept when the source no longer
    /// has them (the job was purged).
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
        // The job's own fields are present only while the job is (ProposalFact: null once the job was purged).
        var jobKnown = fact.JobPostedAt is not null || fact.JobType is not null || fact.Category is not null || fact.BudgetMin is not null || fact.BudgetMax is not null;
        BudgetBand = jobKnown ? Dimensions.Band(fact.JobType, fact.BudgetMin, fact.BudgetMax) : BudgetBand ?? LegacyBand();
        SpeedBucket = jobKnown && fact.SubmittedAt is { } sent ? Dimensions.SpeedBucket(fact.JobPostedAt, sent)
            : SpeedBucket ?? (SubmittedAt is { } legacySent && JobPostedAt is not null ? Dimensions.SpeedBucket(JobPostedAt, legacySent) : null);
        BudgetMin = null;
        BudgetMax = null;
        JobPostedAt = null;
        SavedSearch = fact.SavedSearch ?? SavedSearch;
        // The client's record and the competition are Upwork content too: only their bands are kept (docs/data-retention.md).
        PaymentBucket = jobKnown ? Dimensions.PaymentBucket(fact.ClientPaymentVerified) : PaymentBucket;
        ClientHiresBucket = jobKnown ? Dimensions.ClientHiresBucket(fact.ClientHires) : ClientHiresBucket;
        CompetitionBucket = jobKnown ? Dimensions.CompetitionBucket(fact.ProposalsCount) : CompetitionBucket;
        LetterBucket = Dimensions.LetterBucket(fact.LetterWords);
        BidAmount = fact.BidAmount;
        ConnectsSpent = fact.ConnectsSpent;
        Quality = quality ?? Quality;
        RefreshedAt = now;
        return this;
    }

    /// <summary>The band of a row written by an older version (exact budget still stored), or null.</summary>
    private string? LegacyBand() => BudgetMin is null && BudgetMax is null && JobType is null ? null : Dimensions.Band(JobType, BudgetMin, BudgetMax);
}
