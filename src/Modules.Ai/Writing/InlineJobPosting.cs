using Contracts.Upwork;

namespace Modules.Ai.Writing;

/// <summary>A job that is not stored (pasted straight into the writer).</summary>
internal sealed record InlineJobPosting(string Title, string? Description, IReadOnlyList<string>? Skills = null, decimal? BudgetMin = null, decimal? BudgetMax = null, string? JobType = null)
{
    /// <summary>As a job posting with no id (<see cref="Guid.Empty"/>) and nothing known about the client.</summary>
    public JobPostingDetails ToDetails(DateTimeOffset now) => new(Guid.Empty, "inline", Title.Trim(), Description ?? "", Skills ?? [], JobType,
        BudgetMin, BudgetMax, null, null, null, null, null, now, new JobClient(null, null, null, null, null, null, null));
}
