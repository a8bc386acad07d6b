using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Shared.Jobs;

namespace IntegrationTests.Host;

/// <summary>Modules add jobs with AddRecurringJob; the host's one Quartz scheduler runs them, in memory or clustered on PostgreSQL.</summary>
public sealed class JobsTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite, "Memory")]
    [InlineData(DatabaseKind.Postgres, "Postgres")]
    public async Task A_module_job_runs_on_the_configured_store(DatabaseKind database, string store)
    {
        var counter = new RunCounter();
        await using var app = new AppFactory(database,
            new Dictionary<string, string?> { ["Jobs:Enabled"] = "true", ["Jobs:Store"] = store },
            services =>
            {
                services.AddSingleton(counter);
                services.AddRecurringJob<CountingJob>(CountingJob.Key, TimeSpan.FromMilliseconds(200));
            });
        await app.StartAsync();

        await counter.SecondRun.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var metadata = await scheduler.GetMetadata();
        (await scheduler.Exists(CountingJob.Key)).ShouldBeTrue();
        metadata.JobStoreClustered.ShouldBe(store == "Postgres");
        metadata.JobStorePersistent.ShouldBe(store == "Postgres");
    }

    internal sealed class RunCounter
    {
        private int _runs;
        public TaskCompletionSource SecondRun { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Increment() { if (Interlocked.Increment(ref _runs) >= 2) SecondRun.TrySetResult(); }
    }

    [DisallowConcurrentExecution]
    internal sealed class CountingJob(RunCounter counter) : IJob
    {
        public static readonly JobKey Key = new("test.counting");

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            counter.Increment();
            return ValueTask.CompletedTask;
        }
    }
}
