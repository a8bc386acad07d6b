namespace Contracts.Analytics;

/// <summary>
/// "If I had applied only to jobs like these": the user's own sent proposals over a past period, filtered by the coarse
/// job attributes Analytics keeps, with the reply and hire rates and Connects they would have meant (the Analytics module's).
/// </summary>
public interface IProposalBacktests
{
    /// <summary>Backtests <paramref name="criteria"/> on <paramref name="userId"/>'s own history only.</summary>
    Task<BacktestResult> RunAsync(Guid userId, BacktestCriteria criteria, CancellationToken ct);
}

/// <summary>
/// What to backtest: the filters of a saved search that the kept buckets can answer, or a template (or both). Filters
/// left null do not filter; <paramref name="Days"/> is how far back to look. <paramref name="NotChecked"/> names the
/// search's other filters, which the answer says it ignored.
/// </summary>
public sealed record BacktestCriteria(
    int Days = 90,
    string? Template = null,
    IReadOnlyList<string>? Categories = null,
    string? JobType = null,
    decimal? BudgetMin = null,
    decimal? BudgetMax = null,
    bool PaymentVerifiedOnly = false,
    int? ClientMinHires = null,
    int? MaxProposals = null,
    IReadOnlyList<string>? NotChecked = null)
{
    /// <summary>Filters of the search that the kept buckets cannot answer (keywords, skills, countries…), named for the user.</summary>
    public IReadOnlyList<string> NotChecked { get; init; } = NotChecked ?? [];
}

/// <summary>A rate with its 95% (Wilson) interval; null rate when nothing was sent.</summary>
public sealed record BacktestRate(double? Rate, double Low, double High);

/// <summary>One side of a backtest: the proposals counted, their outcomes and Connects.</summary>
public sealed record BacktestSide(int Sent, int Replied, int Hired, int Connects, BacktestRate ReplyRate, BacktestRate HireRate);

/// <summary>
/// The backtest's answer: the matching proposals against all of the period's, whether the sample is too small to lean
/// on (<paramref name="SmallSample"/>, below <paramref name="MinProposals"/>), and notes on what could not be checked.
/// </summary>
public sealed record BacktestResult(
    DateOnly From, DateOnly To, BacktestSide Matching, BacktestSide All, int MinProposals, bool SmallSample, IReadOnlyList<string> Notes);
