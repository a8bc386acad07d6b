using System.Globalization;
using System.Text.Json;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Modules.Upwork.Postings;
using Modules.Upwork.Searches;
using Shared.Jobs;

namespace Modules.Upwork.Features.SyncJobPostings;

/// <summary>
/// Polls Upwork for the saved searches of users who connected Upwork and want alerts (Upwork's terms allow polling
/// only on a user's behalf). Each search is read newest first, page by page, until a job older than its high-water
/// mark; the jobs are stored, and only then is the mark moved — so a run killed half-way is simply repeated, and the
/// upsert keeps it from storing anything twice.
/// </summary>
/// <remarks>
/// Per user (issue 16: Upwork content reaches a user only through their own authorization): identical searches of
/// several users are fetched once per distinct connection, each with that user's token and its own mark
/// (<see cref="UpworkSearchFilter.StateKey"/>), and each fetch grants only its own user (and the teammates an admin shared that connection
/// with) sight of the jobs. The stored row is still shared: the second user's fetch of a job already stored adds their
/// access and alerts them, and stores nothing twice. The cost is one search request per connected user per distinct
/// filter per poll instead of one per filter; the shared rate gate and budgets pace them like any other request, and
/// a spent budget skips the rest of the run as before.
/// </remarks>
internal sealed class SyncJobPostings(
    IDbContextFactory<AppDbContext> contexts,
    UpworkAccounts accounts,
    IngestJobPostings ingest,
    IOptions<UpworkOptions> options,
    TimeProvider time,
    ILogger<SyncJobPostings> log)
{
    /// <summary>Syncs every search that is due now; returns what each did.</summary>
    public async Task<IReadOnlyList<SearchSyncOutcome>> RunDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        List<(string Key, SavedSearch Search, Guid[] Users)> due;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            // Paused users (and everyone, while the workspace is paused) are not polled at all (docs/compliance.md); the
            // pacing handler would refuse their calls anyway, but each refusal would fill the call log every tick.
            if (await db.Pauses().AnyAsync(p => p.ScopeId == UpworkPause.Workspace, ct)) return [];
            var paused = db.Pauses().Select(p => p.ScopeId);
            var polled = await (from s in db.SavedSearches().AsNoTracking()
                                join c in db.UpworkConnections().AsNoTracking() on s.UserId equals c.UserId
                                where s.AlertsEnabled && c.AlertsEnabled && c.Status == ConnectionStatus.Active && !paused.Contains(s.UserId)
                                orderby s.CreatedAt
                                select s).ToListAsync(ct);
            var states = await db.SyncStates().AsNoTracking().ToDictionaryAsync(s => s.Key, ct);
            // One fetch per user and distinct filter: a user's sight of a job comes only from a fetch with their own token.
            due = polled.GroupBy(s => UpworkSearchFilter.StateKey(s.FilterKey, s.UserId))
                .Where(g => !states.TryGetValue(g.Key, out var st) || st.NextRunAt is null || st.NextRunAt <= now)
                .Select(g => (g.Key, g.First(), new[] { g.First().UserId }))
                .ToList();
        }

        var outcomes = new List<SearchSyncOutcome>();
        foreach (var (key, search, users) in due)
        {
            ct.ThrowIfCancellationRequested();
            outcomes.Add(await SyncSearchAsync(key, UpworkSearchFilter.From(search), users, ct));
        }
        return outcomes;
    }

    /// <summary>
    /// Fetches one search with the first of <paramref name="users"/> whose connection works, stores the new jobs and
    /// grants that user (only) sight of every job read, moves the mark.
    /// </summary>
    public async Task<SearchSyncOutcome> SyncSearchAsync(string key, IReadOnlyDictionary<string, object?> filter, IReadOnlyList<Guid> users, CancellationToken ct)
    {
        var state = await LoadStateAsync(key, ct);
        Exception? failure = null;
        foreach (var userId in users)
        {
            try
            {
                using var origin = UpworkCallContext.Begin(userId, await ReasonAsync(userId, filter, ct));
                var (drafts, skipped, complete) = await FetchNewAsync(userId, filter, state, ct);
                var result = await ingest.RunAsync(drafts, ct, new JobGrant(userId, JobAccessVia.Fetch));
                // Move the mark only when everything down to it was read: a page cap, a broken page or a nulled node
                // leaves it where it was, so the next run reads that stretch again (the upsert drops what it already has).
                await SaveSuccessAsync(key, complete && skipped == 0 ? drafts : [], result.Inserted.Count,
                    complete ? null : $"More new jobs than one run reads ({options.Value.MaxPagesPerRun} pages); narrow the search or the next runs catch up.", ct);
                await TouchConnectionAsync(userId, null, ct);
                UpworkMetrics.SyncRun("ok");
                log.LogInformation("Upwork search {Key}: {New} new, {Updated} updated, {Skipped} unreadable nodes", key, result.Inserted.Count, result.Updated.Count, skipped);
                return new SearchSyncOutcome(key, true, result.Inserted.Count, result.Updated.Count, skipped, null);
            }
            catch (UpworkPausedException ex) when (ex.Workspace)
            {
                UpworkMetrics.SyncRun("skipped");
                await SaveFailureAsync(key, ex.Message, null, countsAsFailure: false, ct);
                return new SearchSyncOutcome(key, false, 0, 0, 0, ex.Message);
            }
            catch (Exception ex) when (ex is UpworkReconnectRequiredException or UpworkNotConnectedException or UpworkPausedException)
            {
                failure = ex;   // this user's connection is gone: try the next user who saved the same search
            }
            catch (UpworkBudgetExhaustedException ex)
            {
                UpworkMetrics.SyncRun("skipped");
                await SaveFailureAsync(key, ex.Message, ex.RetryAt, countsAsFailure: false, ct);
                return new SearchSyncOutcome(key, false, 0, 0, 0, ex.Message);
            }
            catch (UpworkRateLimitedException ex)
            {
                // Upwork's block is per app and address, not per user: end the run, and wait out the pause before the next.
                log.LogWarning("Upwork search {Key}: {Error}", key, ex.Message);
                UpworkMetrics.SyncRun(ex.Received ? "error" : "skipped");
                await SaveFailureAsync(key, ex.Message, ex.PausedUntil, countsAsFailure: false, ct);
                return new SearchSyncOutcome(key, false, 0, 0, 0, ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Anything else (Upwork down, an HTML error page, a key rotated away…): this search reports it and waits
                // its backoff; the searches after it still run.
                failure = ex;
                await TouchConnectionAsync(userId, ex.Message, ct);
                break;
            }
        }
        var message = failure?.Message ?? "No connected Upwork account can run this search.";
        log.LogWarning("Upwork search {Key} failed: {Error}", key, message);
        UpworkMetrics.SyncRun("error");
        await SaveFailureAsync(key, message, null, countsAsFailure: true, ct);
        return new SearchSyncOutcome(key, false, 0, 0, 0, message);
    }

    /// <summary>The call log's "why": the user's saved searches with this filter, by name.</summary>
    private async Task<string> ReasonAsync(Guid userId, IReadOnlyDictionary<string, object?> filter, CancellationToken ct)
    {
        var filterKey = UpworkSearchFilter.Key(filter);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var names = await db.SavedSearches().AsNoTracking().Where(s => s.UserId == userId && s.FilterKey == filterKey).Select(s => s.Name).Take(3).ToListAsync(ct);
        return names.Count == 0 ? "Saved search of a teammate (shared connection)" : "Saved search " + string.Join(", ", names.Select(n => $"“{n}”"));
    }

    /// <summary>Jobs indexed by Upwork a little after newer ones are still picked up: the scan goes this far below the mark.</summary>
    private static readonly TimeSpan LateIndexing = TimeSpan.FromMinutes(15);

    private async Task<(List<JobPostingDraft> Drafts, int Skipped, bool Complete)> FetchNewAsync(Guid userId, IReadOnlyDictionary<string, object?> filter, SyncState? state, CancellationToken ct)
    {
        var o = options.Value;
        var drafts = new List<JobPostingDraft>();
        var skipped = 0;
        var offset = 0;
        var complete = false;
        for (var page = 0; page < o.MaxPagesPerRun; page++)
        {
            var result = await accounts.CallAsync(userId, UpworkQueries.SearchJobs(filter, offset, o.PageSize), ct);
            foreach (var error in result.Errors)
                log.LogWarning("Upwork returned partial data for search: {Message} at {Path}", error.Message, error.Path);
            if (result.Data is not { } data || !data.TryGetProperty("marketplaceJobPostingsSearch", out var connection) || connection.ValueKind != JsonValueKind.Object)
                break;   // not complete: the mark stays
            var edges = connection.TryGetProperty("edges", out var e) && e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().ToList() : [];
            var reachedMark = false;
            foreach (var edge in edges)
            {
                var draft = edge.TryGetProperty("node", out var node) ? UpworkJobMapper.Map(node) : null;
                if (draft is null) { skipped++; continue; }   // a nulled node of partial data: keep the rest of the page
                // Everything from 15 minutes below the mark is read again: late-indexed jobs are caught, and changes to
                // recent jobs (more applicants, a new budget) reach the upsert, which stores and announces only real changes.
                if (state?.HighWaterPostedAt is { } mark && draft.PostedAt is { } posted && posted < mark - LateIndexing)
                {
                    reachedMark = true;
                    continue;
                }
                drafts.Add(draft);
            }
            var hasNext = connection.TryGetProperty("pageInfo", out var info) && info.ValueKind == JsonValueKind.Object
                          && info.TryGetProperty("hasNextPage", out var h) && h.ValueKind == JsonValueKind.True;
            if (reachedMark || !hasNext || edges.Count == 0)
            {
                complete = true;
                break;
            }
            offset = info.TryGetProperty("endCursor", out var cursor) && int.TryParse(cursor.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var next) && next > offset
                ? next
                : offset + edges.Count;
        }
        // A search's first run reads back a fixed number of pages by design (no history backfill): that counts as complete.
        return (drafts, skipped, complete || state?.HighWaterPostedAt is null);
    }

    private async Task<SyncState?> LoadStateAsync(string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SyncStates().AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, ct);
    }

    private async Task SaveSuccessAsync(string key, List<JobPostingDraft> drafts, int newJobs, string? warning, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var state = await GetOrAddAsync(db, key, ct);
        var newest = drafts.Where(d => d.PostedAt is not null).MaxBy(d => d.PostedAt);
        if (newest?.PostedAt is { } mark && (state.HighWaterPostedAt is null || mark >= state.HighWaterPostedAt))
        {
            var ties = drafts.Where(d => d.PostedAt == mark).Select(d => d.SourceId);
            if (mark == state.HighWaterPostedAt) ties = ties.Concat((state.HighWaterIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
            state.HighWaterPostedAt = mark;
            state.HighWaterIds = string.Join(',', ties.Distinct().Take(150));
        }
        var now = time.GetUtcNow();
        state.LastRunAt = now;
        state.LastSuccessAt = now;
        state.LastError = warning;
        state.ConsecutiveFailures = 0;
        state.LastNewJobs = newJobs;
        state.NextRunAt = now + options.Value.EffectivePollInterval;
        await db.SaveChangesAsync(ct);
    }

    private async Task SaveFailureAsync(string key, string error, DateTimeOffset? retryAt, bool countsAsFailure, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var state = await GetOrAddAsync(db, key, ct);
        var now = time.GetUtcNow();
        if (countsAsFailure) state.ConsecutiveFailures++;
        var backoff = TimeSpan.FromSeconds(Math.Min(60 * Math.Pow(2, Math.Max(0, state.ConsecutiveFailures - 1)), 1800));
        state.LastRunAt = now;
        state.LastError = error.Length > 1000 ? error[..1000] : error;
        state.NextRunAt = retryAt ?? now + (backoff < options.Value.EffectivePollInterval ? backoff : options.Value.EffectivePollInterval);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<SyncState> GetOrAddAsync(AppDbContext db, string key, CancellationToken ct)
    {
        var state = await db.SyncStates().FirstOrDefaultAsync(s => s.Key == key, ct);
        if (state is not null) return state;
        // Two instances may create the same search's state at once: insert-or-ignore, then read whichever won.
        db.SyncStates().Add(new SyncState { Key = key });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); }
        return await db.SyncStates().FirstAsync(s => s.Key == key, ct);
    }

    private async Task TouchConnectionAsync(Guid userId, string? error, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        await db.UpworkConnections().Where(c => c.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSyncAt, now).SetProperty(c => c.LastError, error), ct);
    }
}

/// <summary>What one search sync did.</summary>
internal sealed record SearchSyncOutcome(string Key, bool Succeeded, int NewJobs, int UpdatedJobs, int UnreadableNodes, string? Error);

/// <summary>Registration of the saved-search sync.</summary>
internal static class SyncJobPostingsServices
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddSyncJobPostings(this IServiceCollection services, TimeSpan schedulerTick)
    {
        services.AddTransient<SyncJobPostings>();
        services.AddRecurringJob<SyncJobPostingsJob>(SyncJobPostingsJob.Key, schedulerTick);
        return services;
    }
}
