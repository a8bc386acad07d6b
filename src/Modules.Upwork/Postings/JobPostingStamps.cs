namespace Modules.Upwork.Postings;

/// <summary>The cache stamp of the job lists: every slice that changes what a list shows bumps it.</summary>
internal static class JobPostingStamps
{
    /// <summary>
    /// The stamp scope of every cached page: bumped whenever a job is stored, changed or deleted, and whenever anyone's
    /// sight of jobs changes (a fetch, paste or webhook granting access, a connection shared or unshared).
    /// </summary>
    public const string Scope = Contracts.Upwork.JobPostingStamp.Scope;
}
