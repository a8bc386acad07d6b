namespace Contracts.Upwork;

/// <summary>
/// Upwork's 24-hour rule as other modules need it (docs/upwork-api.md §3, first row): which jobs' content may still be
/// kept. Modules keeping copies of a job's text ask this in their own sweeps, so nothing is missed if an
/// <see cref="Events.UpworkContentExpired"/> event was lost.
/// </summary>
public interface IUpworkRetention
{
    /// <summary>How long Upwork content may be kept (<c>Upwork:Retention</c>, 24 hours).</summary>
    TimeSpan Retention { get; }

    /// <summary>
    /// The ids among <paramref name="jobPostingIds"/> whose content may still be kept: jobs the user pasted or a webhook
    /// delivered without naming an Upwork job, and Upwork jobs stored less than <see cref="Retention"/> ago. Ids of purged
    /// (or deleted) jobs are left out.
    /// </summary>
    Task<IReadOnlySet<Guid>> HeldAsync(IReadOnlyCollection<Guid> jobPostingIds, CancellationToken ct);
}
