using Contracts.Upwork;
using FluentValidation;
using Microsoft.Extensions.Caching.Hybrid;
using Modules.Upwork.Data;
using Modules.Upwork.Postings;
using Modules.Upwork.Searches;
using Shared.Live;

namespace Modules.Upwork.Features.BrowseJobPostings;

/// <summary>
/// Searches stored job postings: full text over title and description (PostgreSQL <c>tsvector</c> with ranking; SQLite
/// FTS5 on the embedded default), the filters of a saved search, newest first or by relevance. Any text is safe to
/// search for: it is passed as data, never spliced into SQL or into the full-text query syntax.
/// </summary>
/// <remarks>
/// Paging: newest-first results page by keyset (<see cref="JobPostingQuery.Cursor"/>, answered with
/// <see cref="JobPostingResults.NextCursor"/>), so a page never repeats or skips a job when new ones arrive in between;
/// <c>offset</c> is still accepted. Relevance and fit order are not stable over time, so they page by offset only.
/// </remarks>
internal sealed class BrowseJobPostings(IDbContextFactory<AppDbContext> contexts, IJobPostingTextSearch textSearch, JobCursor cursors, HybridCache cache, CacheStamps stamps, TimeProvider time)
{
    /// <summary>
    /// A cached page lives this long at most: the stamp already drops it when any job changes, so this only bounds how
    /// far a "posted within N days" filter can drift.
    /// </summary>
    public static readonly TimeSpan PageTtl = TimeSpan.FromSeconds(60);

    /// <summary>
    /// On PostgreSQL, when the planner expects at least this many matches the count is not run: the page says
    /// "10,000+" at once. Its estimates are within a few percent for common words and filters (statistics on the stored
    /// tsvector and on each column), and this margin is twice the cap.
    /// </summary>
    public const int EstimateSkipsCountAbove = 2 * TotalCap;

    /// <summary>Sorting by fit ranks this many of the newest matching jobs (the analysis is per job).</summary>
    public const int FitWindow = 200;

    /// <summary>
    /// Counting stops here: an exact count of a million matching rows costs more than the page itself, and nobody
    /// pages that far (the page says "10,000+").
    /// </summary>
    public const int TotalCap = 10_000;

    /// <summary>
    /// The jobs <paramref name="userId"/> may see (<see cref="JobVisibility"/>; null: demo jobs only). Pages other than
    /// fit order are cached per user under the jobs stamp: the same search asked again, by a refresh, another tab or the
    /// same user on another instance, is answered without the database until any job or anyone's sight of one changes.
    /// Another user never shares an entry (the key names the user).
    /// </summary>
    public async Task<JobPostingResults> RunAsync(JobPostingQuery query, Guid? userId, CancellationToken ct)
    {
        // Fit order needs the AI module's scores (SearchJobPostings ranks); unscored, the window keeps its newest-first order.
        if (query.Sort == "fit" && userId is { } user) return RankAndPage(await FitWindowAsync(query, user, ct), new Dictionary<Guid, int>(), query);
        if (await stamps.GetAsync(JobPostingStamps.Scope) is not { } stamp) return await QueryAsync(query, userId, ct);
        var key = $"jobs_page:{stamp}:{userId?.ToString("N") ?? "public"}:{Fingerprint(query)}";
        return await cache.GetOrCreateAsync(key, (Browse: this, Query: query, UserId: userId),
            static async (state, token) => await state.Browse.QueryAsync(state.Query, state.UserId, token),
            new HybridCacheEntryOptions { Expiration = PageTtl, LocalCacheExpiration = PageTtl }, cancellationToken: ct);
    }

    /// <summary>
    /// The newest <see cref="FitWindow"/> jobs matching <paramref name="query"/> that the user may see, unscored and unpaged,
    /// with the total: what fit order ranks.
    /// </summary>
    public Task<JobPostingResults> FitWindowAsync(JobPostingQuery query, Guid userId, CancellationToken ct) =>
        QueryAsync(query with { Sort = "fit" }, userId, ct);

    /// <summary>A fit window ordered by score (best first; unscored last, newest first among equals) and paged by offset.</summary>
    public static JobPostingResults RankAndPage(JobPostingResults window, IReadOnlyDictionary<Guid, int> scores, JobPostingQuery query) =>
        new(window.Items.Select(j => j with { FitScore = scores.TryGetValue(j.Id, out var f) ? f : null })
                .OrderByDescending(j => j.FitScore ?? -1).ThenByDescending(j => j.CreatedAt)
                .Skip(query.Offset ?? 0).Take(query.Limit ?? JobPostingQuery.DefaultLimit).ToList(),
            window.Total, null, false);

    /// <summary>The query as a short key: every field, so two queries share an entry only if they ask the same thing.</summary>
    private static string Fingerprint(JobPostingQuery query) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(query)))[..32];

    private async Task<JobPostingResults> QueryAsync(JobPostingQuery query, Guid? userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var postings = db.JobPostings().AsNoTracking().VisibleTo(db, userId);
        var text = query.Q?.Trim();
        var ranked = false;
        if (!string.IsNullOrEmpty(text))
        {
            var words = SearchText.Tokens(text.ToLowerInvariant()).Take(20).ToList();
            if (words.Count == 0) return new JobPostingResults([], 0, null, false);
            var match = textSearch.Match(db, postings, words, byRelevance: query.Sort == "relevance");
            (postings, ranked) = (match.Postings, match.Ranked);
        }
        if (query.JobType is { } type) postings = postings.Where(j => j.JobType == type);
        if (query.ExperienceLevel is { } level) postings = postings.Where(j => j.ExperienceLevel == level);
        if (query.BudgetMin is { } bmin) postings = postings.Where(j => (j.BudgetMax ?? j.BudgetMin) >= bmin);
        if (query.BudgetMax is { } bmax) postings = postings.Where(j => (j.BudgetMin ?? j.BudgetMax) <= bmax);
        if (query.Category is { } category) postings = postings.Where(j => j.Category == category || j.Subcategory == category);
        if (query.Skill is { } skill) postings = postings.Where(j => j.Skills.Contains(skill));
        if (query.PaymentVerified == true) postings = postings.Where(j => j.ClientPaymentVerified == true);
        if (query.Country is { } country) postings = postings.Where(j => j.ClientCountry == country);
        if (query.MaxProposals is { } maxProposals) postings = postings.Where(j => j.ProposalsCount == null || j.ProposalsCount <= maxProposals);
        if (query.PostedWithinDays is { } days)
        {
            var since = time.GetUtcNow().AddDays(-days);
            postings = postings.Where(j => j.PostedAt >= since);
        }
        if (query.Source is { } source) postings = postings.Where(j => j.Source == source);

        // A cursor page reports the total its first page counted: counting up to 10,001 matches again per page cost more
        // than reading the page.
        int total;
        bool capped;
        if (query.Cursor is not null && cursors.TryDecode(query.Cursor, out _, out var carried) && carried is { } known)
        {
            (total, capped) = known;
        }
        else if (await textSearch.EstimateAsync(db, postings, ct) >= EstimateSkipsCountAbove)
        {
            (total, capped) = (TotalCap, true);
        }
        else
        {
            var counted = await postings.Take(TotalCap + 1).CountAsync(ct);
            (total, capped) = (Math.Min(counted, TotalCap), counted > TotalCap);
        }
        if (query.Sort == "fit" && userId is not null)
        {
            var window = await postings.OrderByDescending(j => j.PostedAt).ThenBy(j => j.Id).Take(FitWindow)
                .Select(j => new JobPostingSummary(j.Id, j.UpworkJobId, j.Title, j.JobType, j.BudgetMin, j.BudgetMax, j.Skills, j.PostedAt, j.Source, j.IsDemo, null))
                .ToListAsync(ct);
            return new JobPostingResults(window, Math.Min(total, FitWindow), null, false);
        }
        var limit = query.Limit ?? JobPostingQuery.DefaultLimit;
        if (ranked)
        {
            var ranks = await postings.Skip(query.Offset ?? 0).Take(limit)
                .Select(j => new JobPostingSummary(j.Id, j.UpworkJobId, j.Title, j.JobType, j.BudgetMin, j.BudgetMax, j.Skills, j.PostedAt, j.Source, j.IsDemo))
                .ToListAsync(ct);
            return new JobPostingResults(ranks, total, null, capped);
        }
        // Keyset: strictly after the cursor's (posted_at, id) in (posted_at DESC, id DESC) order, read along the (posted_at, id) index.
        var skip = query.Offset ?? 0;
        if (query.Cursor is not null && cursors.TryDecode(query.Cursor, out var after))
        {
            var (afterPosted, afterId) = after;
            postings = postings.Where(j => j.PostedAt < afterPosted || (j.PostedAt == afterPosted && j.Id.CompareTo(afterId) < 0));
            skip = 0;
        }
        var rows = await postings.OrderByDescending(j => j.PostedAt).ThenByDescending(j => j.Id).Skip(skip).Take(limit + 1)
            .Select(j => new JobPostingSummary(j.Id, j.UpworkJobId, j.Title, j.JobType, j.BudgetMin, j.BudgetMax, j.Skills, j.PostedAt, j.Source, j.IsDemo))
            .ToListAsync(ct);
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = cursors.Encode(rows[^1].CreatedAt, rows[^1].Id, total, capped);
        }
        return new JobPostingResults(rows, total, next, capped);
    }
}

/// <summary>Query string of <c>GET /api/v1/upwork/jobs</c>.</summary>
internal sealed record JobPostingQuery(
    string? Q, int? Limit, int? Offset, string? Sort = null, string? Cursor = null, string? JobType = null, string? ExperienceLevel = null, decimal? BudgetMin = null,
    decimal? BudgetMax = null, string? Category = null, string? Skill = null, bool? PaymentVerified = null, string? Country = null,
    int? MaxProposals = null, int? PostedWithinDays = null, string? Source = null)
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;
}

/// <summary>
/// One page; <paramref name="NextCursor"/> fetches the next newest-first page (null on the last page and in relevance or
/// fit order); <paramref name="TotalCapped"/>: more than <see cref="BrowseJobPostings.TotalCap"/> match and Total says only that many.
/// </summary>
internal sealed record JobPostingResults(IReadOnlyList<JobPostingSummary> Items, int Total, string? NextCursor, bool TotalCapped);

internal sealed class JobPostingQueryValidator : AbstractValidator<JobPostingQuery>
{
    public JobPostingQueryValidator(JobCursor cursors)
    {
        RuleFor(q => q.Cursor).Must(c => cursors.TryDecode(c, out _)).When(q => q.Cursor is not null)
            .WithMessage("cursor is not valid: pass back the nextCursor of a previous page unchanged");
        RuleFor(q => q.Cursor).Must((q, _) => q.Sort is null or "recent").When(q => q.Cursor is not null)
            .WithMessage("cursor pages the newest-first list only; relevance and fit order page by offset");
        RuleFor(q => q.Cursor).Must((q, _) => q.Offset is null or 0).When(q => q.Cursor is not null)
            .WithMessage("cursor and offset cannot be combined");
        RuleFor(q => q.Limit).InclusiveBetween(1, JobPostingQuery.MaxLimit)
            .WithMessage($"limit must be between 1 and {JobPostingQuery.MaxLimit}");
        RuleFor(q => q.Offset).InclusiveBetween(0, 100_000).WithMessage("offset must be between 0 and 100,000");
        RuleFor(q => q.Q).MaximumLength(200).WithMessage("q must be at most 200 characters");
        RuleFor(q => q.Sort).Must(s => s is null or "recent" or "relevance" or "fit").WithMessage("sort must be recent, relevance or fit");
        RuleFor(q => q.JobType).Must(t => t is null or "hourly" or "fixed").WithMessage("jobType must be hourly or fixed");
        RuleFor(q => q.ExperienceLevel).Must(t => t is null or "entry" or "intermediate" or "expert").WithMessage("experienceLevel must be entry, intermediate or expert");
        RuleFor(q => q.BudgetMin).InclusiveBetween(0, 100_000_000).WithMessage("budgetMin must be between 0 and 100,000,000");
        RuleFor(q => q.BudgetMax).InclusiveBetween(0, 100_000_000).WithMessage("budgetMax must be between 0 and 100,000,000");
        RuleFor(q => q.Category).MaximumLength(100).WithMessage("category must be at most 100 characters");
        RuleFor(q => q.Skill).MaximumLength(100).WithMessage("skill must be at most 100 characters");
        RuleFor(q => q.Country).MaximumLength(100).WithMessage("country must be at most 100 characters");
        RuleFor(q => q.MaxProposals).InclusiveBetween(0, 1000).WithMessage("maxProposals must be between 0 and 1000");
        RuleFor(q => q.PostedWithinDays).InclusiveBetween(1, 365).WithMessage("postedWithinDays must be between 1 and 365");
        RuleFor(q => q.Source).Must(s => s is null or "upwork" or "webhook" or "paste" or "demo").WithMessage("source must be upwork, webhook, paste or demo");
    }
}
