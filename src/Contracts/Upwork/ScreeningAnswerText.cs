namespace Contracts.Upwork;

/// <summary>The user's answer to one of a job's screening questions, kept with a proposal draft for the submit dialog.</summary>
public sealed record ScreeningAnswerText(string Question, string Answer);
