using Modules.Upwork.Data;
using Shared.Live;

namespace Modules.Upwork.Features.ConnectUpwork;

/// <summary>What the app bar needs to know about a user's Upwork connection, now and as it changes.</summary>
internal interface IUpworkConnectionState
{
    /// <summary>True when Upwork refused to renew the user's authorization: polling for them has stopped until they reconnect.</summary>
    Task<bool> NeedsReconnectAsync(Guid userId, CancellationToken ct);

    /// <summary>Calls <paramref name="onChange"/> whenever the user's connection is marked for reconnecting, reconnected or removed (any instance).</summary>
    IDisposable Subscribe(Guid userId, Func<Task> onChange);
}

internal sealed class UpworkConnectionState(IDbContextFactory<AppDbContext> contexts, LiveUpdates live) : IUpworkConnectionState
{
    public static string Topic(Guid userId) => $"upwork.connection:{userId:N}";

    public async Task<bool> NeedsReconnectAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.UpworkConnections().AnyAsync(c => c.UserId == userId && c.Status == ConnectionStatus.Reconnect, ct);
    }

    public IDisposable Subscribe(Guid userId, Func<Task> onChange) => live.Subscribe(Topic(userId), onChange);
}
