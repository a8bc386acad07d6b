using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>
/// The success model's input row: what was knowable when the proposal went out. Unknowns get neutral values
/// (the same at training and prediction time), so a missing fact neither helps nor hurts.
/// </summary>
internal sealed class SuccessRow
{
    /// <summary>Names of the feature columns, in order.</summary>
    public static readonly string[] FeatureColumns =
    [
        nameof(SkillMatch), nameof(LogProposals), nameof(PaymentVerified), nameof(ClientRating), nameof(ClientReviewed),
        nameof(LogClientSpent), nameof(ClientHireRate), nameof(RateFit), nameof(Level), nameof(IsHourly), nameof(LogHoursToApply),
    ];

    /// <summary>Skills match score, 0–1.</summary>
    public float SkillMatch { get; set; }

    /// <summary>ln(1 + proposals at the time); unknown counts as 10 proposals.</summary>
    public float LogProposals { get; set; }

    /// <summary>1 verified, 0 not, 0.5 unknown.</summary>
    public float PaymentVerified { get; set; }

    /// <summary>The client's rating (0–5), 0 without reviews.</summary>
    public float ClientRating { get; set; }

    /// <summary>1 when the client has reviews.</summary>
    public float ClientReviewed { get; set; }

    /// <summary>log10(1 + total spent).</summary>
    public float LogClientSpent { get; set; }

    /// <summary>Hires per posted job, capped at 1; 0.5 unknown.</summary>
    public float ClientHireRate { get; set; }

    /// <summary>What the job pays divided by what the freelancer charges (hours bought at their rate for fixed jobs are not
    /// comparable, so fixed jobs use 1 unless a rate and an hourly budget exist), capped at 3; 1 unknown.</summary>
    public float RateFit { get; set; }

    /// <summary>0 entry, 1 intermediate or unknown, 2 expert.</summary>
    public float Level { get; set; }

    /// <summary>1 for hourly jobs.</summary>
    public float IsHourly { get; set; }

    /// <summary>ln(1 + hours between posting and applying).</summary>
    public float LogHoursToApply { get; set; }

    /// <summary>Won or not; false when predicting.</summary>
    public bool Label { get; set; }

    /// <summary>The row for a proposal to a job from a profile, sent at <paramref name="appliedAt"/>.</summary>
    public static SuccessRow From(JobPostingDetails job, FreelancerProfile? profile, double skillMatch, DateTimeOffset appliedAt, bool won = false)
    {
        var client = job.Client;
        var hourly = JobFacts.Kind(job) == "hourly";
        var rateFit = 1.0;
        if (hourly && profile?.HourlyRate is > 0 && (job.BudgetMax ?? job.BudgetMin) is > 0 and var pays)
            rateFit = Math.Min(3, (double)(pays / profile.HourlyRate.Value));
        return new SuccessRow
        {
            SkillMatch = (float)skillMatch,
            LogProposals = (float)Math.Log(1 + (job.ProposalsCount ?? 10)),
            PaymentVerified = client.PaymentVerified switch { true => 1, false => 0, null => 0.5f },
            ClientRating = client.TotalReviews is > 0 && client.Rating is { } r ? (float)r : 0,
            ClientReviewed = client.TotalReviews is > 0 ? 1 : 0,
            LogClientSpent = (float)Math.Log10(1 + (double)Math.Max(0, client.TotalSpent ?? 0)),
            ClientHireRate = client.TotalPostedJobs is > 0 && client.TotalHires is { } h
                ? (float)Math.Min(1, h / (double)client.TotalPostedJobs.Value) : 0.5f,
            RateFit = (float)rateFit,
            Level = JobFacts.Level(job) switch { "entry" => 0, "expert" => 2, _ => 1 },
            IsHourly = hourly ? 1 : 0,
            LogHoursToApply = (float)Math.Log(1 + JobFacts.HoursSincePosted(job, appliedAt)),
            Label = won,
        };
    }
}
