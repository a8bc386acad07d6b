namespace Contracts.Upwork;

/// <summary>What other modules may ask the Upwork module about job postings.</summary>
public interface IUpworkJobs
{
    /// <summary>How many job postings are stored.</summary>
    Task<int> CountAsync(CancellationToken ct);

    /// <summary>The newest postings, newest first.</summary>
    Task<IReadOnlyList<JobPostingSummary>> NewestAsync(int count, CancellationToken ct);
}
