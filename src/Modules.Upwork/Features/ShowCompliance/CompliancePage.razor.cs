using Contracts.Identity;
using Modules.Upwork.Data;

namespace Modules.Upwork.Features.ShowCompliance;

/// <summary>The Compliance page (docs/compliance.md): gauges, retention, the call log and the pause switches.</summary>
public sealed partial class CompliancePage
{
    private ComplianceReport? _report;
    private IReadOnlyList<CallLogRow>? _calls;
    private Guid _userId;
    private bool _isAdmin;
    private bool _workspaceView;
    private IDisposable? _subscription;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _userId = await CurrentUser.IdAsync();
        _isAdmin = await CurrentUser.IsInRoleAsync(Roles.Admin);
        await LoadAsync();
    }

    /// <inheritdoc />
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
            _subscription = Live.Subscribe(Integrations.UpworkApi.UpworkPauseSwitch.Topic, () => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }));
    }

    private async Task LoadAsync()
    {
        _report = await Show.RunAsync(_userId, _workspaceView, CancellationToken.None);
        _calls = await Show.CallsAsync(_userId, _workspaceView, 100, CancellationToken.None);
    }

    private async Task ViewChangedAsync(bool workspace)
    {
        _workspaceView = workspace && _isAdmin;
        await LoadAsync();
    }

    private async Task SetMineAsync(bool on)
    {
        await Pauses.SetAsync(_userId, on, _userId, CancellationToken.None);
        await LoadAsync();
    }

    private async Task SetWorkspaceAsync(bool on)
    {
        if (!_isAdmin) return;
        await Pauses.SetAsync(UpworkPause.Workspace, on, _userId, CancellationToken.None);
        await LoadAsync();
    }

    private static string EventText(string outcome) => outcome switch
    {
        "rate-limited" => "Upwork rate-limited the app (429), or a call was held by that pause",
        "paused" => "Refused by a pause switch (not sent)",
        "budget" => "Refused: a request budget was spent (not sent)",
        _ => outcome,
    };

    private static string Hours(TimeSpan t) => t.TotalHours >= 1 ? $"{Math.Floor(t.TotalHours):0} h {t.Minutes} min" : $"{Math.Max(0, t.Minutes)} min";

    /// <inheritdoc />
    public void Dispose() => _subscription?.Dispose();
}
