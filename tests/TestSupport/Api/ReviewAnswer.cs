namespace TestSupport.Api;

/// <summary>A screening answer sent for review.</summary>
public sealed record ReviewAnswer(string Question, string Answer);
