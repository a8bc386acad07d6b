namespace TestSupport.Api;

/// <summary>A drafted answer to one screening question, the claims in it the profile does not back, and who wrote it.</summary>
public sealed record AnswerDraft(string Question, string Answer, IReadOnlyList<string> UnsupportedClaims, string WrittenBy);
