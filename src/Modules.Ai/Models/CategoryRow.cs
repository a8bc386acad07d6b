using Contracts.Upwork;
using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>The job classifier's input row (ML.NET binds to the public properties by name).</summary>
internal sealed class CategoryRow
{
    /// <summary>Title, skills and description (<see cref="JobFacts.Text"/>).</summary>
    public string Text { get; set; } = "";

    /// <summary>The label; empty when predicting.</summary>
    public string Category { get; set; } = "";

    /// <summary>The row for a job.</summary>
    public static CategoryRow From(JobPostingDetails job) => new() { Text = JobFacts.Text(job), Category = job.Category?.Trim() ?? "" };
}
