namespace Modules.Ai.Data;

/// <summary>
/// One AI generation (<c>ai_generations</c> in docs/specification.md §4): what was asked, what came back, who wrote it, what it cost and
/// how good it looks. On PostgreSQL the table is range-partitioned by month on <see cref="CreatedAt"/>.
/// </summary>
internal sealed class Generation
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid? JobPostingId { get; set; }

    /// <summary><c>cover_letter</c> or <c>analysis</c>.</summary>
    public string Kind { get; set; } = GenerationKinds.CoverLetter;
    public Guid? ProfileId { get; set; }
    public string? TemplateId { get; set; }
    public string? Tone { get; set; }
    public required string Prompt { get; set; }
    public required string Response { get; set; }

    /// <summary>The provider and model that actually wrote it (after any fallback).</summary>
    public required string Provider { get; set; }
    public required string Model { get; set; }

    /// <summary>Tokens in plus out (the column of docs/specification.md §4).</summary>
    public int? TokensUsed { get; set; }
    public int? TokensIn { get; set; }
    public int? TokensOut { get; set; }

    /// <summary>True when the provider reported no usage and the counts come from our tokenizer.</summary>
    public bool TokensEstimated { get; set; }
    public decimal? Cost { get; set; }
    public decimal? QualityScore { get; set; }

    /// <summary>The quality checks as JSON (<c>QualityReport</c>).</summary>
    public string? Quality { get; set; }

    /// <summary>Providers tried before the one that wrote it, and why each was passed over (JSON).</summary>
    public string? Attempts { get; set; }
    public bool CacheHit { get; set; }
    public int LatencyMs { get; set; }
    public int? TimeToFirstTokenMs { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// When the job's text was taken out of <see cref="Prompt"/> (and the job's title out of the letter and its quality
    /// notes) under Upwork's 24-hour rule (docs/data-retention.md); null while the job's content may still be kept.
    /// </summary>
    public DateTimeOffset? JobTextRedactedAt { get; set; }
}
