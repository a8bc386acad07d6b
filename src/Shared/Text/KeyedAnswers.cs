using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Shared.Text;

/// <summary>
/// Answers to screening questions kept as JSON keyed by a hash of the question, never the question itself: questions are
/// Upwork content, read live and not stored (docs/data-retention.md). A question Upwork has changed matches no answer.
/// Used for the letter draft (Ai) and the proposal draft (Upwork), so both read and write one format.
/// </summary>
public static class KeyedAnswers
{
    private sealed record Entry(string Q, string A);

    /// <summary>The key of one answer: a hash of the question, trimmed and in lower case (app.js keys keystrokes the same way).</summary>
    public static string Key(string question) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(question.Trim().ToLowerInvariant())))[..32];

    /// <summary>The answers as JSON, each cut to <paramref name="maxLength"/> characters.</summary>
    public static string Serialize(IEnumerable<(string Question, string Answer)> answers, int maxLength) =>
        JsonSerializer.Serialize(answers.Select(a => new Entry(Key(a.Question), a.Answer.Length > maxLength ? a.Answer[..maxLength] : a.Answer)).ToList(),
            JsonSerializerOptions.Web);

    /// <summary>The kept answer to <paramref name="question"/>, or null (also for JSON that is not ours).</summary>
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
}
