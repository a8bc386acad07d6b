namespace Modules.Upwork.Data;

/// <summary>A job posting (table <c>upwork.jobs</c>, the spec's <c>jobs</c>). "Job" in code means a Quartz job.</summary>
internal sealed class JobPosting
{
    public Guid Id { get; set; }
    public required string UpworkJobId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public decimal? BudgetMin { get; set; }
    public decimal? BudgetMax { get; set; }
    public List<string> Skills { get; set; } = [];
    public string? Category { get; set; }
    public string? Subcategory { get; set; }
    public string? JobType { get; set; }
    public string? ExperienceLevel { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
}
