using Contracts.Upwork;
using Shared.Text;

namespace Modules.Upwork.Submissions;

/// <summary>
/// The user's answers to a job's screening questions, kept on the proposal draft (<c>upwork.proposals.screening_answers</c>)
/// for the submit dialog. Each answer is keyed by a hash of its question, never the question itself: questions are
/// Upwork content, read live and not stored (docs/data-retention.md). A question Upwork has changed since matches no
/// answer, so the dialog drafts it afresh instead of offering an answer to another question.
/// </summary>
internal static class SavedScreeningAnswers
{
    public static string? Serialize(IReadOnlyList<ScreeningAnswerText>? answers) =>
        answers is null || answers.Count == 0 ? null
            : KeyedAnswers.Serialize(answers.Where(a => !string.IsNullOrWhiteSpace(a.Answer)).Select(a => (a.Question, a.Answer.Trim())), TrackAnswerLimit);

    /// <summary>The saved answer to <paramref name="question"/>, or null.</summary>
    public static string? Find(string? json, string question) => KeyedAnswers.Find(json, question);

    /// <summary>The longest answer kept (Upwork's own limit is the submit dialog's, <c>SubmitProposal.MaxAnswerLength</c>).</summary>
    private const int TrackAnswerLimit = 5_000;
}
