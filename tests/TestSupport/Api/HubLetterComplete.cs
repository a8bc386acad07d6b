namespace TestSupport.Api;

/// <summary>The hub's <c>ai_complete</c> message.</summary>
public sealed record HubLetterComplete(Guid GenerationId, string Provider);
