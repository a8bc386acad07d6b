using Contracts.Upwork;
using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>
/// The salary predictor's input row. One model serves both job types: <see cref="Kind"/> is a feature, and the label
/// is the logarithm of the price, so an error of $10 on a $30/h job and $300 on a $1,000 job weigh alike.
/// </summary>
internal sealed class SalaryRow
{
    /// <summary>Title, skills and description.</summary>
    public string Text { get; set; } = "";

    /// <summary>"hourly" or "fixed".</summary>
    public string Kind { get; set; } = "";

    /// <summary>"entry", "intermediate", "expert" or "unknown".</summary>
    public string Level { get; set; } = "";

    /// <summary>The job's category, or "unknown".</summary>
    public string Category { get; set; } = "";

    /// <summary>How many skills the job lists.</summary>
    public float SkillsCount { get; set; }

    /// <summary>ln(price); 0 when predicting.</summary>
    public float Label { get; set; }

    /// <summary>The row for a job, or null when its type is unknown.</summary>
    public static SalaryRow? From(JobPostingDetails job)
    {
        if (JobFacts.Kind(job) is not { } kind) return null;
        var price = JobFacts.StatedPrice(job);
        return new SalaryRow
        {
            Text = JobFacts.Text(job),
            Kind = kind,
            Level = JobFacts.Level(job),
            Category = string.IsNullOrWhiteSpace(job.Category) ? "unknown" : job.Category.Trim(),
            SkillsCount = job.Skills.Count,
            Label = price is { } p ? (float)Math.Log((double)p) : 0,
        };
    }
}
