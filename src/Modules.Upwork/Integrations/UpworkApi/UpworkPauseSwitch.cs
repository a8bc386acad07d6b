using Modules.Upwork.Data;
using Shared.Live;

namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>Which pause switches are on, and since when.</summary>
internal sealed record PauseState(DateTimeOffset? UserPausedAt, DateTimeOffset? WorkspacePausedAt)
{
    public bool Paused => UserPausedAt is not null || WorkspacePausedAt is not null;
}

/// <summary>What the app bar needs: whether a pause switch is on for the user, now and as it changes (any instance).</summary>
internal interface IUpworkPauseState
{
    Task<PauseState> StateAsync(Guid? userId, CancellationToken ct);

    IDisposable Subscribe(Func<Task> onChange);
}

/// <summary>
/// The pause switches (docs/compliance.md): one per user and one for the workspace, each a row in <c>upwork.pauses</c>.
/// Each Upwork call reads them from the database once (<see cref="UpworkAccounts"/>, or <see cref="UpworkPacingHandler"/>
/// for a request made without it, and again for a request that waited for a slot or is retried), so a switch turned on by
/// any instance stops every instance's next call (no cache to expire), and it survives restarts. Turning one on or off
/// also publishes <see cref="Topic"/> (over Redis to every instance when configured) so open pages and the app bar update live.
/// </summary>
internal sealed class UpworkPauseSwitch(IDbContextFactory<AppDbContext> contexts, LiveUpdates live, TimeProvider time) : IUpworkPauseState
{
    public const string Topic = "upwork.pause";

    public IDisposable Subscribe(Func<Task> onChange) => live.Subscribe(Topic, onChange);

    public async Task<PauseState> StateAsync(Guid? userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Pauses().AsNoTracking().Where(p => p.ScopeId == UpworkPause.Workspace || (userId != null && p.ScopeId == userId))
            .Select(p => new { p.ScopeId, p.PausedAt }).ToListAsync(ct);
        return new PauseState(
            rows.FirstOrDefault(r => userId is not null && r.ScopeId == userId)?.PausedAt,
            rows.FirstOrDefault(r => r.ScopeId == UpworkPause.Workspace)?.PausedAt);
    }

    /// <summary>Throws <see cref="UpworkPausedException"/> (and logs the refusal) when a switch is on for the call's user or the workspace.</summary>
    public async Task RefuseIfPausedAsync(UpworkCallOrigin? origin, string operation, string category, UpworkCallLog callLog, CancellationToken ct)
    {
        var state = await StateAsync(origin?.UserId, ct);
        if (!state.Paused) return;
        await callLog.RecordAsync(origin, operation, category, null, "paused");
        throw new UpworkPausedException(state.WorkspacePausedAt is not null);
    }

    /// <summary>Turns the switch of <paramref name="scopeId"/> (a user's id, or <see cref="UpworkPause.Workspace"/>) on or off.</summary>
    public async Task SetAsync(Guid scopeId, bool on, Guid by, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var row = await db.Pauses().FirstOrDefaultAsync(p => p.ScopeId == scopeId, ct);
            if (on && row is null) db.Pauses().Add(new UpworkPause { ScopeId = scopeId, PausedBy = by, PausedAt = time.GetUtcNow() });
            else if (!on && row is not null) db.Pauses().Remove(row);
            else return;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone flipped the same switch the same way at the same moment: it is where it was asked to be.
            }
        }
        await live.PublishAsync(Topic, new { scopeId, on }, ct);
    }
}

/// <summary>A request refused because a pause switch is on; nothing was sent to Upwork.</summary>
internal sealed class UpworkPausedException(bool workspace)
    : UpworkApiException(workspace
        ? "Upwork calls are paused for the whole workspace by an admin (Compliance page)."
        : "Your Upwork calls are paused: turn the pause switch off on the Compliance page to resume.", 423, null)
{
    public bool Workspace { get; } = workspace;
}
