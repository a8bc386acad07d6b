using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Modules.Upwork.Data;
using Modules.Upwork.Postings;
using Modules.Upwork.Proposals;
using MudBlazor;
using Shared.Live;

namespace Modules.Upwork.Features.TrackProposals;

/// <summary>The proposal board and list, with the detail drawer: edit, copy to Upwork, submit through the API, delete.</summary>
public sealed partial class ProposalsPage : IDisposable
{
    [Inject] private ManageProposals Proposals { get; set; } = null!;
    [Inject] private LiveUpdates Live { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private JobPostingReader Jobs { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private CurrentUser CurrentUser { get; set; } = null!;
    [Inject] private NavigationManager Nav { get; set; } = null!;

    // The view and the status filter live in the address (issue 25): a reload, a shared link or Back shows the same list.
    [SupplyParameterFromQuery(Name = "view")] private string? QueryView { get; set; }
    [SupplyParameterFromQuery(Name = "status")] private string? QueryStatus { get; set; }


    private Guid _userId;
    private List<ProposalDto>? _items;
    private bool _loaded;
    private string _view = "board";
    private string? _filter;
    private IDisposable? _subscription;
    private bool _detailOpen;
    private ProposalDto? _detail;
    private string? _letter;
    private decimal? _bid;
    private int? _hours, _connects;
    private DateTime? _followUp;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _userId = await CurrentUser.IdAsync();
        await ReloadAsync();
        _loaded = true;
    }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        _view = QueryView == "list" ? "list" : "board";
        _filter = QueryStatus is { } status && ProposalStatuses.All.Contains(status) ? status : null;
    }

    private void ViewChanged(string view)
    {
        _view = view == "list" ? "list" : "board";
        UpdateAddress();
    }

    private void FilterChanged(string? status)
    {
        _filter = status;
        UpdateAddress();
    }

    private void UpdateAddress() => Nav.NavigateTo(Nav.GetUriWithQueryParameters(new Dictionary<string, object?>
    {
        ["view"] = _view == "board" ? null : _view,
        ["status"] = _filter,
    }), replace: true);

    /// <inheritdoc />
    protected override void OnAfterRender(bool firstRender)
    {
        // Changes from another tab, the API or the Upwork status sync appear without a reload.
        if (firstRender) _subscription = Live.Subscribe(ProposalMoves.Topic(_userId), () => InvokeAsync(async () => { await ReloadAsync(); StateHasChanged(); }));
    }

    private MudDropContainer<ProposalDto>? _board;

    private async Task ReloadAsync()
    {
        var fresh = await Proposals.ListAsync(_userId, null, CancellationToken.None);
        // One list instance, refilled: the drop container keeps a reference to it and caches which zone holds which item.
        _items ??= [];
        _items.Clear();
        _items.AddRange(fresh);
        _board?.Refresh();
    }

    private async Task DroppedAsync(MudItemDropInfo<ProposalDto> drop)
    {
        if (drop.Item is { } item && drop.DropzoneIdentifier != item.Status) await MoveAsync(item, drop.DropzoneIdentifier);
    }

    private async Task MoveAsync(ProposalDto item, string status)
    {
        var outcome = await Proposals.UpdateAsync(_userId, item.Id, Input(item.JobPostingId) with { Status = status }, CancellationToken.None);
        if (outcome.Error is { } error) Snackbar.Add($"Not moved: {error}.", Severity.Warning);
        else Snackbar.Add($"Moved to {Title(status)}.", Severity.Success);
        await ReloadAsync();
    }

    private string? _jobUrl;

    private async Task OpenAsync(Guid id)
    {
        _detail = await Proposals.GetAsync(_userId, id, CancellationToken.None);
        if (_detail is null) return;
        var job = await Jobs.RunAsync(_detail.JobPostingId, _userId, CancellationToken.None);
        _jobUrl = job?.Url is { } url && url.StartsWith("https://www.upwork.com/", StringComparison.Ordinal) ? url : null;
        (_letter, _bid, _hours, _connects, _followUp) = (_detail.CoverLetter, _detail.BidAmount, _detail.EstimatedHours, _detail.ConnectsSpent, _detail.FollowUpAt?.UtcDateTime);
        _detailOpen = true;
    }

    private async Task SaveAsync()
    {
        if (_detail is null) return;
        var input = Input(_detail.JobPostingId) with
        {
            CoverLetter = _letter ?? "",
            BidAmount = _bid,
            EstimatedHours = _hours,
            ConnectsSpent = _connects,
            FollowUpAt = _followUp is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f.Date, DateTimeKind.Utc)) : null,
            ClearFollowUp = _followUp is null,
        };
        var outcome = await Proposals.UpdateAsync(_userId, _detail.Id, input, CancellationToken.None);
        if (outcome.Proposal is { } saved)
        {
            _detail = saved;
            Snackbar.Add("Proposal saved.", Severity.Success);
        }
        await ReloadAsync();
    }

    private async Task CopyAndOpenAsync()
    {
        await JS.InvokeVoidAsync("navigator.clipboard.writeText", _letter ?? "");
        await JS.InvokeVoidAsync("open", _jobUrl, "_blank", "noopener");
        Snackbar.Add("Letter copied. Paste it into the proposal form on Upwork, then move this card to Submitted.", Severity.Info);
    }

    private async Task SubmitAsync()
    {
        if (_detail is null) return;
        await SaveAsync();
        var connects = _detail.ConnectsSpent is { } c ? $"{c} Connects" : "the Connects Upwork charges for this job";
        var parameters = new DialogParameters<SubmitProposalDialog>
        {
            { d => d.UserId, _userId },
            { d => d.ProposalId, _detail.Id },
            { d => d.Summary, $"Your letter and a bid of {(_detail.BidAmount is { } b ? Money(b) : "(no bid)")} go to the client now. This spends {connects} and cannot be undone." },
        };
        var dialog = await Dialogs.ShowAsync<SubmitProposalDialog>("Submit to Upwork?", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is not { Canceled: false, Data: SubmitOutcome outcome }) return;
        Snackbar.Add(outcome.Message, outcome.Status == 200 ? Severity.Success : Severity.Warning);
        _detail = outcome.Proposal ?? await Proposals.GetAsync(_userId, _detail.Id, CancellationToken.None);
        await ReloadAsync();
    }

    private async Task DeleteAsync()
    {
        if (_detail is null) return;
        await Proposals.DeleteAsync(_userId, _detail.Id, CancellationToken.None);
        _detailOpen = false;
        _detail = null;
        await ReloadAsync();
    }

    private static ProposalInput Input(Guid jobId) => new(jobId, null, null, null, null, null, null, null, null, null);

    private static string Title(string status) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(status);
    private static string Money(decimal d) => "$" + d.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Dispose() => _subscription?.Dispose();
}
