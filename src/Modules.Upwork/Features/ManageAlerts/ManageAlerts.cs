using Modules.Upwork.Data;

namespace Modules.Upwork.Features.ManageAlerts;

/// <summary>The user's alert queue: newest first, unread count, mark read. Always scoped to the owner.</summary>
internal sealed class ManageAlerts(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    public const int MaxPage = 100;

    public async Task<AlertList> ListAsync(Guid userId, bool unreadOnly, int limit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var mine = db.Notifications().AsNoTracking().Where(n => n.UserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        if (unreadOnly) mine = mine.Where(n => n.ReadAt == null);
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Math.Clamp(limit, 1, MaxPage))
            .Select(n => new AlertDto(n.Id, n.Kind, n.JobPostingId, n.SavedSearchId, n.Title, n.Detail, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        return new AlertList(items, unread);
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

    /// <summary>The user's alert preferences (defaults when never set).</summary>
    public async Task<AlertPreferencesDto> GetPreferencesAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.AlertPreferences().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        return new AlertPreferencesDto(row?.PlaySound ?? false);
    }

    public async Task<AlertPreferencesDto> SetPreferencesAsync(Guid userId, AlertPreferencesDto preferences, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.AlertPreferences().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (row is null) db.AlertPreferences().Add(row = new AlertPreference { UserId = userId });
        row.PlaySound = preferences.PlaySound;
        row.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(row).State == EntityState.Added)
        {
            // Two tabs saved the first preference at once: the other insert won; apply ours over it.
            await using var retry = await contexts.CreateDbContextAsync(ct);
            await retry.AlertPreferences().Where(p => p.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.PlaySound, preferences.PlaySound).SetProperty(p => p.UpdatedAt, row.UpdatedAt), ct);
        }
        return new AlertPreferencesDto(row.PlaySound);
    }

    public async Task<int> MarkAllReadAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        return await db.Notifications().Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}

internal sealed record AlertDto(Guid Id, string Kind, Guid? JobPostingId, Guid? SavedSearchId, string Title, string? Detail, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>Body and answer of <c>GET/PUT /api/v1/upwork/alert-preferences</c>.</summary>
internal sealed record AlertPreferencesDto(bool PlaySound);

internal sealed record AlertList(IReadOnlyList<AlertDto> Items, int Unread);
