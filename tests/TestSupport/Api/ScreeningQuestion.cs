namespace TestSupport.Api;

/// <summary>One screening question of a job, with the answer drafted for it.</summary>
public sealed record ScreeningQuestion(string Question, int SequenceNumber, string? DraftAnswer);
