using Quartz;
using Shared.Data;

namespace Shared.Jobs;

/// <summary>The host adds Quartz once; modules add their jobs with <c>AddRecurringJob</c>.</summary>
public static class JobsRegistration
{
    /// <summary>Adds Quartz with the configured store; the scheduler runs only when <c>Jobs:Enabled</c>.</summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        builder.Services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section);
        builder.Services.AddSingleton<IJobRunHistory, JobRunHistory>();
        var provider = builder.Configuration.GetValue(DatabaseOptions.Section + ":" + nameof(DatabaseOptions.Provider), DatabaseProvider.Sqlite);
        var store = options.Store ?? (provider == DatabaseProvider.Postgres ? JobStore.Postgres : JobStore.Memory);
        builder.Services.AddQuartz(q =>
        {
            q.AddJobListener<JobRunRecorder>();   // each job's last success and failure, for the admin System page
            if (store == JobStore.Postgres)
            {
                var cs = builder.Configuration.GetConnectionString("Postgres")
                         ?? throw new InvalidOperationException("Jobs:Store is Postgres but ConnectionStrings:Postgres is empty.");
                // Clustering gives each instance a generated id; they share the default scheduler name, so one cluster.
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(cs);
                    s.UseSystemTextJsonSerializer();
                    s.UseClustering();
                    s.ProvisionSchema();   // creates the qrtz_* tables on first start (script embedded in Quartz)
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
        });
        if (options.Enabled)
        {
            builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            builder.Services.AddHostedService<InterruptJobsOnStop>();   // "wait for jobs" then ends in moments on SIGTERM
        }
        return builder;
    }

    /// <summary>Adds a durable job with a cron trigger. Keys are <c>module.kebab-name</c>.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, JobKey key, string cron)
        where TJob : class, IJob
    {
        services.ConfigureAllQuartzSchedulers(q =>
        {
            q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably());
            q.AddTrigger(t => t.ForJob(key).WithIdentity($"{key.Name}.trigger").WithCronSchedule(cron));
        });
        return services;
    }

    /// <summary>Adds a durable job that repeats every <paramref name="interval"/>.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, JobKey key, TimeSpan interval)
        where TJob : class, IJob
    {
        services.ConfigureAllQuartzSchedulers(q =>
        {
            q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably());
            q.AddTrigger(t => t.ForJob(key).WithIdentity($"{key.Name}.trigger").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
        });
        return services;
    }
}
