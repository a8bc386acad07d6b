namespace TestSupport.Api;

/// <summary>One step of the provider chain, as <c>/api/v1/ai/providers</c> lists it.</summary>
public sealed record AiProvider(string Kind, string? Model, string? Note);
