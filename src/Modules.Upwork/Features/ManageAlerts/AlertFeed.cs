using Modules.Upwork.Alerts;
using Shared.Live;

namespace Modules.Upwork.Features.ManageAlerts;

/// <summary>What the app-bar bell needs: the queue and the live stream of one user's alerts.</summary>
internal interface IAlertFeed
{
    Task<AlertList> LatestAsync(Guid userId, int count, CancellationToken ct);
    Task MarkReadAsync(Guid userId, Guid alertId, CancellationToken ct);
    Task MarkAllReadAsync(Guid userId, CancellationToken ct);
    IDisposable Subscribe(Guid userId, Func<AlertMessage, Task> onAlert);
    Task<AlertPreferencesDto> PreferencesAsync(Guid userId, CancellationToken ct);
    Task SetPreferencesAsync(Guid userId, AlertPreferencesDto preferences, CancellationToken ct);
}

internal sealed class AlertFeed(ManageAlerts alerts, LiveUpdates live) : IAlertFeed
{
    public Task<AlertList> LatestAsync(Guid userId, int count, CancellationToken ct) => alerts.ListAsync(userId, unreadOnly: false, count, ct);

    public Task MarkReadAsync(Guid userId, Guid alertId, CancellationToken ct) => alerts.MarkReadAsync(userId, alertId, ct);

    public Task MarkAllReadAsync(Guid userId, CancellationToken ct) => alerts.MarkAllReadAsync(userId, ct);

    public Task<AlertPreferencesDto> PreferencesAsync(Guid userId, CancellationToken ct) => alerts.GetPreferencesAsync(userId, ct);

    public Task SetPreferencesAsync(Guid userId, AlertPreferencesDto preferences, CancellationToken ct) => alerts.SetPreferencesAsync(userId, preferences, ct);

    public IDisposable Subscribe(Guid userId, Func<AlertMessage, Task> onAlert) =>
        live.Subscribe(AlertTopics.ForUser(userId), e => e.Read<AlertMessage>() is { } alert ? onAlert(alert) : Task.CompletedTask);
}
