using Modules.Upwork.Integrations.UpworkApi;
using Quartz;

namespace Modules.Upwork.Features.ShowCompliance;

/// <summary>Deletes call-log rows older than 30 days (docs/compliance.md); idempotent, so a missed or repeated run is harmless.</summary>
[DisallowConcurrentExecution]
internal sealed class PurgeCallLogJob(UpworkCallLog callLog) : IJob
{
    public static readonly JobKey Key = new("upwork.purge-call-log");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await callLog.PurgeAsync(ct);
}
