using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contracts.Upwork;

namespace Modules.Upwork.Submissions;

/// <summary>
/// The user's answers to a job's screening questions, kept on the proposal draft (<c>upwork.proposals.screening_answers</c>)
/// for the submit dialog. Each answer is keyed by a hash of its question, never the question itself: questions are
/// Upwork content, read live and not stored (docs/data-retention.md). A question Upwork has changed since matches no
/// answer, so the dialog drafts it afresh instead of offering an answer to another question.
/// </summary>
internal static class SavedScreeningAnswers
{
    private sealed record Entry(string Q, string A);

    public static string? Serialize(IReadOnlyList<ScreeningAnswerText>? answers) =>
        answers is null || answers.Count == 0 ? null
            : JsonSerializer.Serialize(answers.Where(a => !string.IsNullOrWhiteSpace(a.Answer))
                .Select(a => new Entry(Key(a.Question), a.Answer.Trim().Length > TrackAnswerLimit ? a.Answer.Trim()[..TrackAnswerLimit] : a.Answer.Trim())).ToList(), JsonSerializerOptions.Web);

    /// <summary>The saved answer to <paramref name="question"/>, or null.</summary>
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

    /// <summary>The longest answer kept (Upwork's own limit is the submit dialog's, <c>SubmitProposal.MaxAnswerLength</c>).</summary>
    private const int TrackAnswerLimit = 5_000;

    private static string Key(string question) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(question.Trim().ToLowerInvariant())))[..32];
}
