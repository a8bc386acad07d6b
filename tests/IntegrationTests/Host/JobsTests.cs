using System.Text.Json;
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

    [Fact]
    public async Task Each_jobs_last_success_and_last_failure_are_recorded_and_shown_on_the_system_page()
    {
        var counter = new RunCounter();
        await using var app = new AppFactory(DatabaseKind.Sqlite,
            new Dictionary<string, string?> { ["Jobs:Enabled"] = "true" },
            services =>
            {
                services.AddSingleton(counter);
                services.AddRecurringJob<CountingJob>(CountingJob.Key, TimeSpan.FromMilliseconds(200));
                services.AddRecurringJob<FailingJob>(FailingJob.Key, TimeSpan.FromMilliseconds(200));
            });
        await app.StartAsync();
        var admin = await app.CreateSignedInClientAsync();   // the first account is the workspace admin

        var (counting, failing) = await Eventually.GetAsync(async () =>
        {
            var triggers = (await admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/system")).Data.As<SystemStatus>().Triggers;
            var c = triggers.SingleOrDefault(t => t.Job.EndsWith(CountingJob.Key.Name, StringComparison.Ordinal));
            var f = triggers.SingleOrDefault(t => t.Job.EndsWith(FailingJob.Key.Name, StringComparison.Ordinal));
            return c is { LastSucceededAt: not null } && f is { LastFailedAt: not null } ? Tuple.Create(c, f) : null;
        }, "both jobs' outcomes on the system page");

        counting.LastFailedAt.ShouldBeNull();
        failing.LastSucceededAt.ShouldBeNull();     // fired, but never succeeded
        failing.PreviousFireAt.ShouldNotBeNull();
        failing.LastError!.ShouldContain("the feed refused the request");
    }

    [DisallowConcurrentExecution]
    internal sealed class FailingJob : IJob
    {
        public static readonly JobKey Key = new("test.failing");

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the feed refused the request");
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
