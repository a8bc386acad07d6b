namespace TestSupport.Api;

/// <summary>What the workspace keys allow a member: the token cap and the models on the list.</summary>
public sealed record SharedKeyLimits(int MaxTokens, IReadOnlyList<string> Models);
