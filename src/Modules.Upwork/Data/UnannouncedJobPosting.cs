namespace Modules.Upwork.Data;

/// <summary>
/// A job posting stored but not yet announced (table <c>upwork.unannounced_jobs</c>): written in the ingest transaction
/// with the job, deleted once its <c>JobPostingDiscovered</c> went out; rows a crash left behind are announced on the next
/// sweep. A narrow table of its own rather than a flag on the job: marking a job announced rewrote the whole job row
/// and every index on it, the full-text one included (docs/benchmarks.md, "ingest"). Deleted with the job.
/// </summary>
internal sealed class UnannouncedJobPosting
{
    public Guid JobPostingId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
