using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Modules.Upwork.Postings;
using Quartz;

namespace Modules.Upwork.Features.ShowCompliance;

/// <summary>
/// The Compliance page and <c>GET /api/v1/upwork/compliance</c> (docs/compliance.md): the rate gate's own counters
/// against Upwork's limits, submissions against the daily cap, 429s and pauses, what Upwork content is held and when
/// the next purge runs, the pause switches, and the call log. Workspace-wide figures are for admins.
/// </summary>
internal sealed class ShowCompliance(
    IDbContextFactory<AppDbContext> contexts, IUpworkRateGate gate, UpworkPauseSwitch pauses, ISchedulerFactory schedulers,
    IOptions<UpworkOptions> options, TimeProvider time)
{
    /// <summary>Upwork's published limits per app and IP address (docs/compliance.md, rule R1).</summary>
    public const int UpworkPerSecond = 10, UpworkPerMinute = 300, UpworkPerDay = 40_000;

    public async Task<ComplianceReport> RunAsync(Guid userId, bool workspace, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var snapshot = await gate.SnapshotAsync(ct);
        var pause = await pauses.StateAsync(userId, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);

        var since = now.AddHours(-24);
        var submitted = await Submissions.ApiSubmissions.CountSinceAsync(db, workspace ? null : userId, since, ct);
        var calls = db.CallLog().AsNoTracking().Where(c => workspace || c.UserId == userId);
        var events = await calls.Where(c => c.Outcome == "rate-limited" || c.Outcome == "paused" || c.Outcome == "budget")
            .OrderByDescending(c => c.At).Take(20).Select(c => new ComplianceEvent(c.At, c.Outcome, c.Operation, c.Reason)).ToListAsync(ct);
        var lastDay = await calls.CountAsync(c => c.At >= since && c.Status != null, ct);

        var budgets = new List<Gauge>
        {
            new("jobs", "Job searches this hour", snapshot.ThisHour.GetValueOrDefault(UpworkRequest.JobsCategory), o.Budgets.JobsPerHour, null),
            new("proposals", "Proposal calls this hour (submits included)", snapshot.ThisHour.GetValueOrDefault(UpworkRequest.ProposalsCategory), o.Budgets.ProposalsPerHour, null),
            new("messages", "Message calls this hour", snapshot.ThisHour.GetValueOrDefault(UpworkRequest.MessagesCategory), o.Budgets.MessagesPerHour, null),
        };
        var rates = new List<Gauge>
        {
            new("second", "Requests in the last second", snapshot.LastSecond, o.RequestsPerSecond, UpworkPerSecond),
            new("minute", "Requests in the last minute", snapshot.LastMinute, o.RequestsPerMinute, UpworkPerMinute),
            new("day", "Requests today (UTC)", snapshot.Today, o.DailyBudget, UpworkPerDay),
        };

        var cutoff = now - o.Retention;
        var upworkContent = db.JobPostings().AsNoTracking().Where(UpworkContent.Expired(DateTimeOffset.MaxValue));
        var oldest = await upworkContent.OrderBy(j => j.CreatedAt).Select(j => (DateTimeOffset?)j.CreatedAt).FirstOrDefaultAsync(ct);
        var held = await upworkContent.CountAsync(ct);
        var overdue = await upworkContent.CountAsync(j => j.CreatedAt < cutoff, ct);
        var (nextPurge, lastPurge) = await PurgeScheduleAsync(ct);
        var savedRefs = await db.SavedJobs().CountAsync(s => (workspace || s.UserId == userId) && s.JobExpiredAt != null, ct);

        return new ComplianceReport(
            now, workspace, pause.UserPausedAt, pause.WorkspacePausedAt, snapshot.PausedUntil, rates, budgets,
            new Gauge("submissions", "Proposals submitted through Upwork in the last 24 hours", submitted, o.SubmitDailyCap, null),
            lastDay, events,
            new RetentionView(o.Retention, oldest is { } at ? now - at : null, held, overdue, nextPurge, lastPurge,
                Inventory(held, overdue, savedRefs, nextPurge, lastPurge)));
    }

    /// <summary>The newest entries of the call log (the user's, or everyone's for the workspace view), newest first.</summary>
    public async Task<IReadOnlyList<CallLogRow>> CallsAsync(Guid userId, bool workspace, int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.CallLog().AsNoTracking().Where(c => workspace || c.UserId == userId).OrderByDescending(c => c.At).Take(Math.Clamp(take, 1, 500))
            .Select(c => new CallLogRow(c.At, c.Operation, c.Category, c.Reason, c.Status, c.Outcome, workspace ? c.UserId : null)).ToListAsync(ct);
    }

    private async Task<(DateTimeOffset? Next, DateTimeOffset? Last)> PurgeScheduleAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        // PurgeExpiredJobPostingsJob.Key's trigger, by name: slices do not share types.
        var trigger = await scheduler.GetTrigger(new TriggerKey("upwork.purge-expired-job-postings.trigger"), ct);
        return (trigger?.NextFireTimeUtc, trigger?.PreviousFireTimeUtc);
    }

    // The copies of docs/data-retention.md, each with the rule it follows and its state now. Other modules' tables are
    // not read from here (docs/architecture.md): their state is the sweep that enforces them.
    private static IReadOnlyList<RetentionCopy> Inventory(int held, int overdue, int savedRefs, DateTimeOffset? next, DateTimeOffset? last)
    {
        var purge = next is { } n ? $"next purge {n:u}" : "purge not scheduled on this instance (Jobs:Enabled=false?)";
        var lastRun = last is { } l ? $", last ran {l:u}" : "";
        return
        [
            new("upwork.jobs", "The job: title, description, skills, budget, client panel", "Row deleted 24 h after it was stored",
                overdue == 0 ? $"{held} held, none overdue; {purge}{lastRun}" : $"{held} held, {overdue} overdue for the purge; {purge}{lastRun}", overdue == 0),
            new("upwork.jobs.search_vector / upwork_jobs_fts", "Full-text index of title and description", "Goes with the row", "Follows upwork.jobs", overdue == 0),
            new("upwork.saved_jobs", "Saved jobs", "Only Upwork's job id, URL and title after 24 h", $"{savedRefs} reference(s) kept", true),
            new("upwork.proposals", "Title and your letter", "Sent: reference kept, title in the letter replaced; drafts: title emptied", "Scrubbed by the purge", true),
            new("upwork.notifications", "Alert titles", "Title replaced, detail cleared", "Redacted by the purge and its sweep", true),
            new("ai.generations, ai.letter_drafts", "Prompts and letters", "Job sections and quotes removed", "AI module: ai.redact-job-text every 10 min", true),
            new("analytics.proposal_facts", "Coarse buckets", "Exact budget and posting time never written", "Analytics module: at write", true),
            new("upwork.call_log", "Which Upwork call was made, when and why (no Upwork content)", "Deleted after 30 days", "upwork.purge-call-log, daily", true),
        ];
    }
}

/// <summary>One figure against its limit: ours (<paramref name="Limit"/>) and Upwork's when it publishes one.</summary>
internal sealed record Gauge(string Key, string Label, int Value, int Limit, int? UpworkLimit);

/// <summary>A 429 from Upwork, a call held by its pause, a call refused by a pause switch or a spent budget.</summary>
internal sealed record ComplianceEvent(DateTimeOffset At, string Outcome, string Operation, string Reason);

/// <summary>One row of the call log.</summary>
internal sealed record CallLogRow(DateTimeOffset At, string Operation, string Category, string Reason, int? Status, string Outcome, Guid? UserId);

/// <summary>One copy of Upwork content, the rule it follows (docs/data-retention.md) and whether it is in order now.</summary>
internal sealed record RetentionCopy(string Where, string Holds, string Rule, string State, bool InOrder);

/// <summary>Retention at a glance.</summary>
internal sealed record RetentionView(
    TimeSpan Window, TimeSpan? OldestAge, int JobsHeld, int Overdue, DateTimeOffset? NextPurge, DateTimeOffset? LastPurge, IReadOnlyList<RetentionCopy> Copies);

/// <summary>Everything the Compliance page shows.</summary>
internal sealed record ComplianceReport(
    DateTimeOffset At, bool Workspace, DateTimeOffset? UserPausedAt, DateTimeOffset? WorkspacePausedAt, DateTimeOffset? RateLimitedUntil,
    IReadOnlyList<Gauge> Rates, IReadOnlyList<Gauge> HourlyBudgets, Gauge Submissions, int CallsLast24Hours, IReadOnlyList<ComplianceEvent> Events,
    RetentionView Retention);
