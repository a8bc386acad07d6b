using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Modules.Ai.Features.WriteCoverLetter;

/// <summary>
/// Answers to screening questions as the server keeps them with a letter draft: keyed by a hash of the question, never
/// the question (Upwork content, read live, docs/data-retention.md). A question Upwork has changed matches no answer.
/// </summary>
internal static class KeptAnswers
{
    private sealed record Entry(string Q, string A);

    public const int MaxAnswerLength = 5_000;

    public static string Serialize(IReadOnlyList<(string Question, string Answer)> answers) =>
        JsonSerializer.Serialize(answers.Select(a => new Entry(Key(a.Question), a.Answer.Length > MaxAnswerLength ? a.Answer[..MaxAnswerLength] : a.Answer)).ToList(), JsonSerializerOptions.Web);

    /// <summary>The kept answer to <paramref name="question"/>, or null.</summary>
    public static string? Find(string? json, string question)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            var key = Key(question);
            return JsonSerializer.Deserialize<List<Entry>>(json, JsonSerializerOptions.Web)?.FirstOrDefault(e => e.Q == key)?.A;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The browser's key for one answer (app.js keeps every keystroke under it).</summary>
    public static string Key(string question) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(question.Trim().ToLowerInvariant())))[..32];
}
