namespace Contracts.Upwork;

/// <summary>What the Upwork module tells the Analytics module about a user's activity (their own data only).</summary>
public interface IUpworkActivity
{
    /// <summary>
    /// The user's proposals (drafts included) with the dates each reached a stage, newest first, at most <paramref name="max"/>;
    /// a null user means the whole workspace (callers must have checked the asker is an admin).
    /// </summary>
    Task<IReadOnlyList<ProposalFact>> ProposalsAsync(Guid? userId, int max, CancellationToken ct);

    /// <summary>The user's proposals among <paramref name="ids"/> (the ones that exist and are theirs), as <see cref="ProposalsAsync"/> gives them.</summary>
    Task<IReadOnlyList<ProposalFact>> ProposalsByIdAsync(Guid userId, IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Jobs matched by the user's saved searches (null: anyone's) per UTC day in [from, to] (one job counted once per day).</summary>
    Task<IReadOnlyDictionary<DateOnly, int>> MatchesPerDayAsync(Guid? userId, DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>
    /// A saved search's filters as a backtest takes them, with its other filters named in <see cref="Contracts.Analytics.BacktestCriteria.NotChecked"/>;
    /// null unless the search is the user's own or shared with the team.
    /// </summary>
    Task<Contracts.Analytics.BacktestCriteria?> SavedSearchCriteriaAsync(Guid userId, Guid savedSearchId, int days, CancellationToken ct);
}

/// <summary>
/// A proposal as analytics sees it. Stage dates come from its history (null: never reached); the job's fields are null
/// once the job itself was purged under Upwork's retention rule. <paramref name="SavedSearch"/> names the user's saved search
/// that found the job (null: found another way). The client's payment verification and hires, and the job's proposal
/// count, are as last seen while the job was stored (null once purged or unknown); <paramref name="LetterWords"/> counts
/// the words of the user's own letter.
/// </summary>
public sealed record ProposalFact(
    Guid Id,
    Guid JobPostingId,
    string JobTitle,
    string Status,
    bool AiGenerated,
    string? TemplateName,
    Guid? ProfileId,
    decimal? BidAmount,
    int? ConnectsSpent,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ViewedAt,
    DateTimeOffset? RepliedAt,
    DateTimeOffset? HiredAt,
    string? Category,
    string? JobType,
    decimal? BudgetMin,
    decimal? BudgetMax,
    Guid UserId = default,
    DateTimeOffset? JobPostedAt = null,
    string? SavedSearch = null,
    bool? ClientPaymentVerified = null,
    int? ClientHires = null,
    int? ProposalsCount = null,
    int? LetterWords = null);
