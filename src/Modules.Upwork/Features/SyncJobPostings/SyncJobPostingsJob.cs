using Modules.Upwork.Postings;
using Quartz;

namespace Modules.Upwork.Features.SyncJobPostings;

/// <summary>Thin Quartz adapter: announces anything a crash left unannounced, then syncs the searches that are due.</summary>
[DisallowConcurrentExecution]
internal sealed class SyncJobPostingsJob(SyncJobPostings sync, IngestJobPostings ingest) : IJob
{
    public static readonly JobKey Key = new("upwork.sync-job-postings");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await ingest.AnnounceMissedAsync(TimeSpan.FromSeconds(30), ct);
        await sync.RunDueAsync(ct);
    }
}
