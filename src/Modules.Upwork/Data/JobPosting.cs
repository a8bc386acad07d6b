namespace Modules.Upwork.Data;

/// <summary>A job posting (table <c>upwork.jobs</c>, <c>jobs</c> in docs/specification.md §4). "Job" in code means a Quartz job.</summary>
internal sealed class JobPosting
{
    public Guid Id { get; set; }

    /// <summary>
    /// The source's id, unique: Upwork's 19-digit id for anything that names an Upwork job (API, a pasted Upwork URL, a
    /// webhook that carries the id) so every source converges on one row; <c>paste:…</c>, <c>webhook:…</c>, <c>demo:…</c> otherwise.
    /// </summary>
    public required string UpworkJobId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public decimal? BudgetMin { get; set; }
    public decimal? BudgetMax { get; set; }
    public List<string> Skills { get; set; } = [];
    public string? Category { get; set; }
    public string? Subcategory { get; set; }

    /// <summary><c>hourly</c> or <c>fixed</c>.</summary>
    public string? JobType { get; set; }

    /// <summary><c>entry</c>, <c>intermediate</c> or <c>expert</c>.</summary>
    public string? ExperienceLevel { get; set; }

    /// <summary>Where it came from: see <see cref="JobSources"/>.</summary>
    public string Source { get; set; } = JobSources.Upwork;
    public bool IsDemo { get; set; }

    /// <summary>
    /// The user a pasted or webhook job belongs to (only they see it); null for demo jobs (everyone sees them) and for
    /// anything naming an Upwork job id, which a user sees only through a <see cref="JobAccess"/> row of their own (their
    /// connection fetched it, or they pasted it or their webhook sent it) or a shared connection's.
    /// </summary>
    public Guid? OwnerUserId { get; set; }

    /// <summary>The job's page on Upwork, when known.</summary>
    public string? Url { get; set; }

    /// <summary>When the client published it (Upwork's <c>publishedDateTime</c>); ingestion time when unknown.</summary>
    public DateTimeOffset PostedAt { get; set; }
    public int? ProposalsCount { get; set; }
    public string? ClientCountry { get; set; }
    public bool? ClientPaymentVerified { get; set; }

    /// <summary>The client panel as JSON (<see cref="ClientInfo"/>): hires, spend, rating, location.</summary>
    public string? ClientInfo { get; set; }

    /// <summary>What the source sent, verbatim (purged with the row under the retention rule).</summary>
    public string? RawPayload { get; set; }

    /// <summary>Hash of the mapped content: an update is stored and announced only when it changes.</summary>
    public required string ContentHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
}
