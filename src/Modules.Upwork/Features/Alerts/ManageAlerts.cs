using Modules.Upwork.Data;
using Modules.Upwork.Features.MatchJobPostings;

namespace Modules.Upwork.Features.Alerts;

/// <summary>The user's alert queue: newest first, unread count, mark read. Always scoped to the owner.</summary>
internal sealed class ManageAlerts(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    public const int MaxPage = 100;

    public async Task<AlertPage> ListAsync(Guid userId, bool unreadOnly, int limit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var mine = db.Notifications().AsNoTracking().Where(n => n.UserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        if (unreadOnly) mine = mine.Where(n => n.ReadAt == null);
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Math.Clamp(limit, 1, MaxPage))
            .Select(n => new AlertDto(n.Id, n.Kind, n.JobPostingId, n.SavedSearchId, n.Title, n.Detail, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        return new AlertPage(items, unread);
    }

    public async Task<int> UnreadCountAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Notifications().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
    }

    public async Task<bool> MarkReadAsync(Guid userId, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        return await db.Notifications().Where(n => n.Id == id && n.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, n => n.ReadAt ?? now), ct) > 0;
    }

    public async Task<int> MarkAllReadAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        return await db.Notifications().Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}

internal sealed record AlertDto(Guid Id, string Kind, Guid? JobPostingId, Guid? SavedSearchId, string Title, string? Detail, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

internal sealed record AlertPage(IReadOnlyList<AlertDto> Items, int Unread);

/// <summary>Why a job did or did not match each of the user's saved searches.</summary>
internal sealed class ExplainMatch(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<IReadOnlyList<SearchExplanation>?> RunAsync(Guid userId, Guid jobId, Guid? savedSearchId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var job = await db.JobPostings().AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && (j.OwnerUserId == null || j.OwnerUserId == userId), ct);
        if (job is null) return null;
        var searches = await db.SavedSearches().AsNoTracking()
            .Where(s => s.UserId == userId && (savedSearchId == null || s.Id == savedSearchId)).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        if (savedSearchId is not null && searches.Count == 0) return null;
        var facts = SearchIndex.Facts(job);
        return searches.Select(s =>
        {
            var compiled = new CompiledSearch(s);
            var criteria = compiled.Explain(facts);
            return new SearchExplanation(s.Id, s.Name, criteria.All(c => c.Passed), criteria);
        }).ToList();
    }
}

internal sealed record SearchExplanation(Guid SavedSearchId, string Name, bool Matched, IReadOnlyList<CriterionResult> Criteria);
