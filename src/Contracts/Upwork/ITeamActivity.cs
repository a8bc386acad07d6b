namespace Contracts.Upwork;

/// <summary>
/// What the Upwork module tells the Analytics team view about each bidder and the review queue (docs/features.md,
/// "Numbers per bidder"). Callers must have checked the asker may read the team's numbers.
/// </summary>
public interface ITeamActivity
{
    /// <summary>Each member's activity in [<paramref name="from"/>, <paramref name="to"/>), and the review queue's numbers.</summary>
    Task<TeamActivity> ForPeriodAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>Every member's sent proposals per template name they were written with, and the hires among them (all time).</summary>
    Task<IReadOnlyList<TemplateOutcome>> TemplateOutcomesAsync(CancellationToken ct);
}

/// <summary>Proposals sent with a template (by name) across the team, and how many were hired.</summary>
public sealed record TemplateOutcome(string Template, int Sent, int Hired);

/// <summary>The period's activity per member (only members with any) and the review queue's numbers.</summary>
public sealed record TeamActivity(IReadOnlyList<BidderActivity> Bidders, ReviewQueueNumbers Queue);

/// <summary>
/// One member's period: jobs claimed (claims they hold that were made in the period), letters drafted (proposals created),
/// sent (proposals submitted in the period) and, of those sent, how many had a reply (interviewing, offered or hired)
/// and a hire; the Connects those sent proposals cost; and their letters' review decisions in the period with the median
/// time from being sent for review to the decision.
/// </summary>
public sealed record BidderActivity(
    Guid UserId, int Claimed, int Drafted, int Sent, int Replied, int Hired, int ConnectsSpent, int Decisions, double? MedianTurnaroundMinutes);

/// <summary>Letters waiting for a reviewer now, and the decisions made in the period with their median time to decision.</summary>
public sealed record ReviewQueueNumbers(int Waiting, int Decisions, double? MedianDecisionMinutes);
