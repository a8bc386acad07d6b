using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Modules.Upwork.Postings;
using Quartz;
using Shared.Jobs;

namespace Modules.Upwork.Features.GenerateDemoPostings;

/// <summary>
/// Trickles demo jobs in while the workspace has no real source: no Upwork connection, and no job from any other
/// source yet. It goes quiet by itself the moment one exists. A fresh install gets a first handful at once.
/// </summary>
internal sealed class DemoFeed(IDbContextFactory<AppDbContext> contexts, IngestJobPostings ingest, IOptions<UpworkOptions> options, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var demo = options.Value.Demo;
        if (!demo.Enabled) return 0;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (await db.UpworkConnections().AnyAsync(ct)) return 0;
            if (await db.JobPostings().AnyAsync(j => j.Source != JobSources.Demo, ct)) return 0;
            var count = await db.JobPostings().AnyAsync(ct) ? 1 : demo.InitialJobs;
            var now = time.GetUtcNow();
            var drafts = Enumerable.Range(0, count)
                .Select(i => DemoJobGenerator.Create(Random.Shared, now - TimeSpan.FromMinutes(3 * (count - 1 - i))))
                .ToList();
            return (await ingest.RunAsync(drafts, ct)).Inserted.Count;
        }
    }
}

/// <summary>Thin Quartz adapter, every <c>Upwork:Demo:Interval</c>.</summary>
[DisallowConcurrentExecution]
internal sealed class DemoFeedJob(DemoFeed feed) : IJob
{
    public static readonly JobKey Key = new("upwork.demo-feed");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await feed.RunAsync(ct);
}

/// <summary>Registration of the demo feed.</summary>
internal static class DemoFeedServices
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddDemoFeed(this IServiceCollection services, TimeSpan interval)
    {
        services.AddTransient<DemoFeed>();
        services.AddRecurringJob<DemoFeedJob>(DemoFeedJob.Key, interval);
        return services;
    }
}
