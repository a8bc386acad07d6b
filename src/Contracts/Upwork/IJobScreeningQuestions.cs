namespace Contracts.Upwork;

/// <summary>A job's screening questions as Upwork has them now, for the letter writer (never stored: they are Upwork content).</summary>
public interface IJobScreeningQuestions
{
    /// <summary>
    /// The questions in Upwork's order, read live for a job the user may see; empty when the job is not an Upwork job
    /// (pasted, demo), the user has no Upwork connection, Upwork cannot be asked (paused, a budget spent, down) or the job
    /// asks none. Never throws for any of these: the writer then simply shows no questions.
    /// </summary>
    Task<IReadOnlyList<string>> ForJobAsync(Guid userId, Guid jobPostingId, CancellationToken ct);
}
