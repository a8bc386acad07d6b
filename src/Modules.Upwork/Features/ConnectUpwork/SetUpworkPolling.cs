using Modules.Upwork.Data;

namespace Modules.Upwork.Features.ConnectUpwork;

/// <summary>Turns polling Upwork for the user's saved searches on or off (the switch on the Upwork page).</summary>
internal sealed class SetUpworkPolling(IDbContextFactory<AppDbContext> contexts)
{
    public async Task RunAsync(Guid userId, bool on, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.UpworkConnections().Where(c => c.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.AlertsEnabled, on), ct);
    }
}
