namespace Contracts.Upwork;

/// <summary>
/// The cache stamp (<c>Shared.Live.CacheStamps</c>) the Upwork module bumps whenever a job is stored, changed or deleted,
/// and whenever anyone's sight of jobs changes (a fetch, paste or webhook granting access, a connection shared or
/// unshared). Other modules key entries derived from a job on it.
/// </summary>
public static class JobPostingStamp
{
    /// <summary>The scope's name.</summary>
    public const string Scope = "jobs";
}
