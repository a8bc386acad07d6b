namespace Modules.Ai.Data;

/// <summary>A user's AI settings (table <c>ai.settings</c>); null fields use the workspace defaults.</summary>
internal sealed class AiSettings
{
    public Guid UserId { get; set; }
    public string? ProviderOrder { get; set; }
    public string? OpenAIModel { get; set; }
    public string? AnthropicModel { get; set; }
    public string? CompatibleModel { get; set; }
    public string? CompatibleBaseUrl { get; set; }
    public int? MaxTokens { get; set; }
    public double? Temperature { get; set; }
    public decimal? MonthlySpendingCapUsd { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
