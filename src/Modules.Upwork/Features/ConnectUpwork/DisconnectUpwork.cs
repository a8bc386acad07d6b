using Modules.Upwork.Connections;
using Modules.Upwork.Integrations.UpworkApi;

namespace Modules.Upwork.Features.ConnectUpwork;

/// <summary>Disconnects Upwork: deletes the stored tokens and ends every share of the connection (the page and the API both come here).</summary>
internal sealed class DisconnectUpwork(UpworkAccounts accounts, IConnectionShares shares)
{
    /// <summary>False when no Upwork account was connected.</summary>
    public async Task<bool> RunAsync(Guid userId, CancellationToken ct)
    {
        if (!await accounts.DisconnectAsync(userId, ct)) return false;
        await shares.RevokeAllAsync(userId, ct);   // teammates saw jobs through this connection: no longer
        return true;
    }
}
