namespace Modules.Ai.Data;

/// <summary>One AI generation (the spec's <c>ai_generations</c>): what was asked, what came back, and what it cost.</summary>
internal sealed class Generation
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid? JobPostingId { get; set; }
    public required string Prompt { get; set; }
    public required string Response { get; set; }
    public required string Provider { get; set; }
    public required string Model { get; set; }
    public int? TokensUsed { get; set; }
    public decimal? Cost { get; set; }
    public decimal? QualityScore { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
