namespace Shared.Jobs;

/// <summary>Settings under <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Jobs";

    /// <summary>Run scheduled background work. Tests switch it off to drive slices directly.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Memory</c> (default; one instance) or <c>Postgres</c> (clustered: each job runs on exactly one instance).</summary>
    public JobStore Store { get; set; } = JobStore.Memory;
}

/// <summary>Where Quartz keeps triggers and locks.</summary>
public enum JobStore
{
    /// <summary>In memory: a restart re-creates the schedule from code.</summary>
    Memory,

    /// <summary>Quartz's ADO store on the app's PostgreSQL database, clustered.</summary>
    Postgres,
}
