namespace Contracts.Ai;

/// <summary>First drafts of answers to a job's screening questions, from the AI module's offline writer (no provider, no cost).</summary>
public interface IScreeningAnswerDrafts
{
    /// <summary>
    /// One draft per question, in order, from the user's default profile and the job's title and skills (never the
    /// client's free text). Drafts are a starting point the user edits; an empty list when the job is not theirs to see.
    /// </summary>
    Task<IReadOnlyList<string>> DraftAsync(Guid userId, Guid jobPostingId, IReadOnlyList<string> questions, CancellationToken ct);
}
