using System.Collections.Concurrent;
using System.Text.Json;
using Contracts.Identity;
using Modules.Upwork.Data;
using Modules.Upwork.Features.ConnectUpwork;
using Shared.Live;
using Shared.Security;

namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>
/// A user's Upwork connection at work: tokens are unsealed only for the call that needs them, refreshed shortly
/// before they expire and once more on a 401, and the rotated refresh token is stored at once (Upwork cuts the old one
/// to 24 h). A refused refresh marks the connection "reconnect" so the UI can say so.
/// </summary>
internal sealed class UpworkAccounts(
    IDbContextFactory<AppDbContext> contexts,
    ISecretProtector secrets,
    IExternalSignIn externalSignIn,
    UpworkOAuthClient oauth,
    UpworkGraphQlClient graphQl,
    TimeProvider time,
    LiveUpdates live,
    UpworkPauseSwitch pauses,
    UpworkCallLog callLog,
    ILogger<UpworkAccounts> log)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> RefreshLocks = new();

    /// <summary>Sends <paramref name="call"/> as <paramref name="userId"/>.</summary>
    /// <param name="userId">Whose connection; its pause switch and call log apply.</param>
    /// <param name="call">The operation.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <param name="why">What asked for it, in the call log ("Saved search “Blazor”", "Submit button"); the caller's scope when null.</param>
    public async Task<GraphQlResult> CallAsync(Guid userId, UpworkCall call, CancellationToken ct, string? why = null)
    {
        using var origin = UpworkCallContext.Begin(userId, why);
        // Before the token is even unsealed or refreshed: a paused user's call stops here. This is the call's one read of
        // the switches: the request it sends takes it instead of reading again (unless it has to wait for a slot).
        await pauses.RefuseIfPausedAsync(UpworkCallContext.Origin, call.OperationName, call.Category, callLog, ct);
        UpworkCallContext.Origin?.Pause.MarkFresh();
        var (token, tenant) = await AccessTokenAsync(userId, forceRefresh: false, ct);
        try
        {
            return await graphQl.SendAsync(call, token, tenant, ct);
        }
        catch (UpworkUnauthorizedException) when (!call.NeverRetry)
        {
            log.LogInformation("Upwork refused the access token of user {UserId}; refreshing once", userId);
            (token, tenant) = await AccessTokenAsync(userId, forceRefresh: true, ct);
            return await graphQl.SendAsync(call, token, tenant, ct);
        }
    }

    /// <summary>Who the tokens belong to (<c>user</c> and default <c>organization</c>).</summary>
    public async Task<UpworkIdentity> IdentityAsync(string accessToken, CancellationToken ct)
    {
        var result = await graphQl.SendAsync(UpworkQueries.Identity(), accessToken, null, ct);
        var user = result.Data!.Value.GetProperty("user");
        var org = result.Data.Value.TryGetProperty("organization", out var o) && o.ValueKind == JsonValueKind.Object ? o : (JsonElement?)null;
        return new UpworkIdentity(
            user.GetProperty("id").GetString()!, Str(user, "nid"), Str(user, "name"), Str(user, "email"),
            org is { } x ? Str(x, "id") : null, org is { } y ? Str(y, "name") : null);
    }

    /// <summary>Stores (or replaces) the user's connection with freshly exchanged tokens.</summary>
    public async Task<UpworkConnection> SaveConnectionAsync(Guid userId, UpworkTokens tokens, UpworkIdentity identity, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var connection = await db.UpworkConnections().FirstOrDefaultAsync(c => c.UserId == userId, ct);
        if (connection is null)
        {
            connection = new UpworkConnection { Id = Guid.CreateVersion7(), UserId = userId, UpworkUserId = identity.UserId, AccessToken = "", ConnectedAt = now };
            db.UpworkConnections().Add(connection);
        }
        connection.UpworkUserId = identity.UserId;
        connection.UpworkNid = identity.Nid;
        connection.UpworkName = identity.Name;
        connection.UpworkEmail = identity.Email;
        connection.OrganizationId = identity.OrganizationId;
        connection.OrganizationName = identity.OrganizationName;
        connection.ConnectedAt = now;
        connection.Status = ConnectionStatus.Active;
        connection.LastError = null;
        Seal(connection, tokens);
        await db.SaveChangesAsync(ct);
        await live.PublishAsync(UpworkConnectionState.Topic(userId), new { userId }, ct);
        return connection;
    }

    /// <summary>Deletes the tokens and the "Sign in with Upwork" link: nothing of the connection is left.</summary>
    public async Task<bool> DisconnectAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var deleted = await db.UpworkConnections().Where(c => c.UserId == userId).ExecuteDeleteAsync(ct) > 0;
        await externalSignIn.UnlinkAsync(userId, ConnectUpwork.Provider, ct);
        await live.PublishAsync(UpworkConnectionState.Topic(userId), new { userId }, ct);
        return deleted;
    }

    private async Task<(string Token, string? Tenant)> AccessTokenAsync(Guid userId, bool forceRefresh, CancellationToken ct)
    {
        var gate = RefreshLocks.GetOrAdd(userId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var connection = await db.UpworkConnections().FirstOrDefaultAsync(c => c.UserId == userId, ct)
                             ?? throw new UpworkNotConnectedException();
            if (connection.Status == ConnectionStatus.Reconnect) throw new UpworkReconnectRequiredException(connection.LastError);
            if (!forceRefresh && connection.AccessTokenExpiresAt - time.GetUtcNow() > RefreshMargin)
                return (secrets.Unprotect(connection.AccessToken, UpworkConnection.Purpose(userId, "access")), connection.OrganizationId);

            if (connection.RefreshToken is null)
                return await MarkReconnectAsync(db, connection, "Upwork gave no refresh token; connect again.", ct);
            try
            {
                var tokens = await oauth.RefreshAsync(secrets.Unprotect(connection.RefreshToken, UpworkConnection.Purpose(userId, "refresh")), ct);
                Seal(connection, tokens);
                connection.RefreshedAt = time.GetUtcNow();
                connection.LastError = null;
                await db.SaveChangesAsync(ct);
                log.LogInformation("Refreshed the Upwork tokens of user {UserId}", userId);
                return (tokens.AccessToken, connection.OrganizationId);
            }
            catch (UpworkOAuthException ex) when (ex.NeedsReconnect)
            {
                log.LogWarning("Upwork refused to refresh the tokens of user {UserId}: {Error}", userId, ex.Error);
                return await MarkReconnectAsync(db, connection, ex.Error switch
                {
                    "invalid_grant" => "Upwork revoked or expired the authorization; reconnect Upwork.",
                    "invalid_client" => "Upwork no longer accepts this app's API key for your account; reconnect Upwork (an admin may need to check the key).",
                    _ => $"Upwork refused to renew the authorization ({ex.Description}); reconnect Upwork.",
                }, ct);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stops polling for the user (the syncs pick only active connections) and tells their open app bars.</summary>
    private async Task<(string, string?)> MarkReconnectAsync(AppDbContext db, UpworkConnection connection, string reason, CancellationToken ct)
    {
        connection.Status = ConnectionStatus.Reconnect;
        connection.LastError = reason;
        await db.SaveChangesAsync(ct);
        await live.PublishAsync(UpworkConnectionState.Topic(connection.UserId), new { connection.UserId }, ct);
        throw new UpworkReconnectRequiredException(reason);
    }

    private void Seal(UpworkConnection connection, UpworkTokens tokens)
    {
        connection.AccessToken = secrets.Protect(tokens.AccessToken, UpworkConnection.Purpose(connection.UserId, "access"));
        connection.AccessTokenExpiresAt = tokens.AccessTokenExpiresAt;
        if (tokens.RefreshToken is not null)   // Upwork may omit it; then the old one stays valid (docs/upwork-api.md §9.4)
        {
            connection.RefreshToken = secrets.Protect(tokens.RefreshToken, UpworkConnection.Purpose(connection.UserId, "refresh"));
            connection.RefreshTokenExpiresAt = tokens.RefreshTokenExpiresAt;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>The Upwork user and default organization behind a token.</summary>
internal sealed record UpworkIdentity(string UserId, string? Nid, string? Name, string? Email, string? OrganizationId, string? OrganizationName);

/// <summary>The user has no Upwork connection.</summary>
internal sealed class UpworkNotConnectedException() : Exception("No Upwork account is connected.");

/// <summary>The connection needs the user to approve the app again.</summary>
internal sealed class UpworkReconnectRequiredException(string? reason) : Exception(reason ?? "Connect Upwork again.");
