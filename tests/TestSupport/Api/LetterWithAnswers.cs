namespace TestSupport.Api;

/// <summary>A letter written with screening questions: who wrote it and the answers drafted with it.</summary>
public sealed record LetterWithAnswers(string Provider, IReadOnlyList<AnswerDraft> ScreeningAnswers);
