using Shared.Text;

namespace Modules.Ai.Features.WriteCoverLetter;

/// <summary>
/// Answers to screening questions as the server keeps them with a letter draft: keyed by a hash of the question, never
/// the question (Upwork content, read live, docs/data-retention.md). A question Upwork has changed matches no answer.
/// </summary>
internal static class KeptAnswers
{
    public const int MaxAnswerLength = 5_000;

    public static string Serialize(IReadOnlyList<(string Question, string Answer)> answers) => KeyedAnswers.Serialize(answers, MaxAnswerLength);

    /// <summary>The kept answer to <paramref name="question"/>, or null.</summary>
    public static string? Find(string? json, string question) => KeyedAnswers.Find(json, question);

    /// <summary>The browser's key for one answer (app.js keeps every keystroke under it).</summary>
    public static string Key(string question) => KeyedAnswers.Key(question);
}
