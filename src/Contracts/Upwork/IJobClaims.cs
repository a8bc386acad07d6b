namespace Contracts.Upwork;

/// <summary>Teammates' claims on jobs, for modules that draft on a job (the AI writer) and must respect them.</summary>
public interface IJobClaims
{
    /// <summary>
    /// Why <paramref name="userId"/> may not draft or submit on <paramref name="jobPostingId"/> ("Claimed by Anna: ask
    /// to take it over"), or null when nobody else holds a live claim on it.
    /// </summary>
    Task<string?> BlockingAsync(Guid userId, Guid jobPostingId, CancellationToken ct);
}
