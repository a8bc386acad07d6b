using Contracts.Upwork;
using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>
/// Facts read off a posting the same way for rules, training and prediction (one place, so a model never sees features
/// computed differently from those it was trained on).
/// </summary>
internal static class JobFacts
{
    /// <summary>"hourly", "fixed", or null when unknown (accepts Upwork's "HOURLY", "FIXED_PRICE"…).</summary>
    public static string? Kind(JobPostingDetails job) => job.JobType?.Trim().ToLowerInvariant() switch
    {
        "hourly" or "hourly_rate" or "hourly rate" => "hourly",
        "fixed" or "fixed_price" or "fixed price" or "fixed-price" => "fixed",
        _ => null,
    };

    /// <summary>"entry", "intermediate", "expert", or "unknown".</summary>
    public static string Level(JobPostingDetails job) => job.ExperienceLevel?.Trim().ToLowerInvariant() switch
    {
        "entry" or "entry_level" or "entry level" or "beginner" => "entry",
        "intermediate" => "intermediate",
        "expert" => "expert",
        _ => "unknown",
    };

    /// <summary>
    /// The price a job states, in its own unit: the middle of the hourly range for hourly jobs, the amount (or the
    /// middle of the range) for fixed ones; null when nothing positive is stated or the job type is unknown.
    /// </summary>
    public static decimal? StatedPrice(JobPostingDetails job)
    {
        if (Kind(job) is null) return null;
        var min = job.BudgetMin is > 0 ? job.BudgetMin : null;
        var max = job.BudgetMax is > 0 ? job.BudgetMax : null;
        return (min, max) switch
        {
            ({ } lo, { } hi) => (lo + hi) / 2,
            _ => min ?? max,
        };
    }

    /// <summary>What the job-category classifier reads: title, skills, then the description (clipped).</summary>
    public static string Text(JobPostingDetails job) =>
        $"{job.Title}. Skills: {string.Join(", ", job.Skills)}. {Clip(job.Description, 2_000)}";

    /// <summary>Hours between posting and a moment, never negative.</summary>
    public static double HoursSincePosted(JobPostingDetails job, DateTimeOffset at) => Math.Max(0, (at - job.PostedAt).TotalHours);

    private static string Clip(string? text, int max) => text is null ? "" : text.Length <= max ? text : text[..max];
}
