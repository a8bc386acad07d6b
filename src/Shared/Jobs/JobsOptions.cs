namespace Shared.Jobs;

/// <summary>Settings under <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Jobs";

    /// <summary>Run scheduled background work. Tests switch it off to drive slices directly.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// <c>Memory</c> (one instance) or <c>Postgres</c> (clustered: each job runs on exactly one instance). Unset: <c>Postgres</c>
    /// when <c>Database:Provider</c> is Postgres (so several instances never run a job twice), <c>Memory</c> on SQLite.
    /// </summary>
    public JobStore? Store { get; set; }
}

/// <summary>Where Quartz keeps triggers and locks.</summary>
public enum JobStore
{
    /// <summary>In memory: a restart re-creates the schedule from code.</summary>
    Memory,

    /// <summary>Quartz's ADO store on the app's PostgreSQL database, clustered.</summary>
    Postgres,
}
