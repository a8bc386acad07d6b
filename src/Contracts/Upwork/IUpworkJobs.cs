namespace Contracts.Upwork;

/// <summary>What other modules may ask the Upwork module about job postings.</summary>
public interface IUpworkJobs
{
    /// <summary>How many stored job postings the user may see.</summary>
    Task<int> CountAsync(Guid userId, CancellationToken ct);

    /// <summary>The newest postings the user may see, newest first.</summary>
    Task<IReadOnlyList<JobPostingSummary>> NewestAsync(Guid userId, int count, CancellationToken ct);

    /// <summary>
    /// One posting the user may see, or null when it does not exist or they may not see it. A user sees demo jobs, their
    /// own pasted and webhook jobs, jobs their own Upwork connection fetched, and jobs fetched by a connection an admin
    /// shared with them: nothing another user's token brought in.
    /// </summary>
    Task<JobPostingDetails?> GetAsync(Guid userId, Guid jobPostingId, CancellationToken ct);

    /// <summary>Several postings the user may see, in no particular order; ids they may not see are left out.</summary>
    Task<IReadOnlyList<JobPostingDetails>> GetManyAsync(Guid userId, IReadOnlyCollection<Guid> jobPostingIds, CancellationToken ct);

    /// <summary>
    /// A sample of stored postings (not users' own pasted or webhook jobs), newest first, for training the workspace's
    /// aggregate models (rates, categories). No user reads these rows: only the trained model's outputs reach users.
    /// </summary>
    Task<IReadOnlyList<JobPostingDetails>> SampleAsync(int count, CancellationToken ct);
}

/// <summary>The proposal pipeline as other modules see it.</summary>
public interface IUpworkProposals
{
    /// <summary>
    /// Saves a letter as a draft proposal for the job (or updates the user's existing draft for it), marked AI-written
    /// when it is, with the user's answers to the job's screening questions when given (the submit dialog starts from
    /// them); returns the proposal id, or null when the user may not see the job.
    /// </summary>
    Task<Guid?> SaveDraftAsync(Guid userId, Guid jobPostingId, string coverLetter, bool aiGenerated, CancellationToken ct,
        IReadOnlyList<ScreeningAnswerText>? screeningAnswers = null);

    /// <summary>The user's proposals with their outcome, for learning what wins.</summary>
    Task<IReadOnlyList<ProposalOutcome>> OutcomesAsync(Guid userId, CancellationToken ct);
}

/// <summary>A proposal and how it ended so far (status names as in the pipeline: submitted, viewed, hired, declined…).</summary>
public sealed record ProposalOutcome(Guid ProposalId, Guid JobPostingId, string Status, bool Won, DateTimeOffset? SubmittedAt);
