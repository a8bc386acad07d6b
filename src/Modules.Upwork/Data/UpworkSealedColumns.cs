using Contracts.Identity;

namespace Modules.Upwork.Data;

/// <summary>
/// The Upwork module's entries in the registry of sealed columns (<see cref="ISealedColumns"/>): Upwork OAuth tokens,
/// webhook signing secrets, and alert-channel targets and secrets. A new sealed column in this module belongs here.
/// (Job-list cursors are sealed too but never stored: after a rotation an old cursor simply restarts the list.)
/// </summary>
internal sealed class UpworkSealedColumns(IDbContextFactory<AppDbContext> contexts) : ISealedColumns
{
    public const string AccessTokens = "upwork.connections.access_token";
    public const string RefreshTokens = "upwork.connections.refresh_token";
    public const string WebhookSecrets = "upwork.webhook_sources.secret";
    public const string ChannelTargets = "upwork.alert_channels.target";
    public const string ChannelSecrets = "upwork.alert_channels.secret";

    public IReadOnlyList<string> Columns { get; } = [AccessTokens, RefreshTokens, WebhookSecrets, ChannelTargets, ChannelSecrets];

    public async Task VisitAsync(SealedValueVisitor visit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        foreach (var c in await db.UpworkConnections().ToListAsync(ct))
        {
            c.AccessToken = visit(AccessTokens, c.AccessToken, UpworkConnection.Purpose(c.UserId, "access")) ?? c.AccessToken;
            if (c.RefreshToken is { } refresh) c.RefreshToken = visit(RefreshTokens, refresh, UpworkConnection.Purpose(c.UserId, "refresh")) ?? refresh;
        }
        foreach (var s in await db.WebhookSources().ToListAsync(ct))
            s.Secret = visit(WebhookSecrets, s.Secret, WebhookSource.Purpose(s.Id)) ?? s.Secret;
        foreach (var a in await db.AlertChannels().ToListAsync(ct))
        {
            a.Target = visit(ChannelTargets, a.Target, AlertChannel.Purpose(a.Id, "target")) ?? a.Target;
            if (a.Secret is { } secret) a.Secret = visit(ChannelSecrets, secret, AlertChannel.Purpose(a.Id, "secret")) ?? secret;
        }
        await db.SaveChangesAsync(ct);
    }
}
