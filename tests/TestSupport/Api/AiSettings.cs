namespace TestSupport.Api;

/// <summary>The AI settings as <c>/api/v1/ai/settings</c> answers them (the fields tests read).</summary>
public sealed record AiSettings(IReadOnlyList<string> ProviderOrder);
