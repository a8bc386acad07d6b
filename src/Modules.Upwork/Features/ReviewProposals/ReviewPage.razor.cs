using Contracts.Identity;
using Microsoft.AspNetCore.Components;
using Modules.Upwork.Data;
using Modules.Upwork.Features.TrackProposals;
using MudBlazor;
using Shared.Live;

namespace Modules.Upwork.Features.ReviewProposals;

/// <summary>
/// The approval queue (<c>/review</c>): reviewers read a letter with its job, quality report, screening answers and the
/// bidder's profile, then approve it (with their edits), return it with a comment, and submit an approved one through the
/// human-confirmed Upwork dialog or copy it; bidders follow their own letters live; admins say whose letters need review.
/// </summary>
public sealed partial class ReviewPage : IDisposable
{
    [Inject] private ReviewQueue Queue { get; set; } = null!;
    [Inject] private LiveUpdates Live { get; set; } = null!;
    [Inject] private CurrentUser CurrentUser { get; set; } = null!;
    [Inject] private IMemberDirectory Members { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private Guid _userId;
    private bool _loaded, _canReview, _isAdmin;
    private IReadOnlyList<ReviewRow> _queue = [], _mine = [];
    private ReviewDetail? _detail;
    private string? _letter, _comment;
    private ReviewSettings? _settings;
    private IReadOnlyDictionary<Guid, string> _members = new Dictionary<Guid, string>();
    private IDisposable? _subscription;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _userId = await CurrentUser.IdAsync();
        _canReview = await CurrentUser.CanAsync(Permissions.Review);
        _isAdmin = await CurrentUser.CanAsync(Permissions.Admin);
        if (_isAdmin) _members = (await Members.AllAsync(CancellationToken.None)).Where(m => m.Key != _userId).ToDictionary();
        await LoadAsync();
        _loaded = true;
    }

    /// <inheritdoc />
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) _subscription = Live.Subscribe(ReviewQueue.Topic, () => InvokeAsync(ReloadAsync));
    }

    private async Task LoadAsync()
    {
        _mine = await Queue.MineAsync(_userId, CancellationToken.None);
        if (_canReview) _queue = await Queue.ListAsync(null, CancellationToken.None);
        if (_isAdmin) _settings = await Queue.SettingsAsync(CancellationToken.None);
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        if (_detail is { } open)
        {
            var fresh = await Queue.GetAsync(open.Review.Id, CancellationToken.None);
            // A reviewer's own edit in progress survives a teammate's unrelated change; a decision replaces it.
            if (fresh is not null && (fresh.Review.State != open.Review.State || _letter == open.Letter)) _letter = fresh.Letter;
            _detail = fresh;
        }
        StateHasChanged();
    }

    private async Task OpenAsync(Guid reviewId)
    {
        _detail = await Queue.GetAsync(reviewId, CancellationToken.None);
        _letter = _detail?.Letter;
        _comment = null;
    }

    private async Task ApproveAsync()
    {
        if (_detail is null || !await CurrentUser.CanAsync(Permissions.Review)) return;
        var outcome = await Queue.ApproveAsync(_userId, _detail.Review.Id, new ReviewDecision(_letter, _comment), CancellationToken.None);
        Snackbar.Add(outcome.Status == 200 ? "Approved: the bidder has been told." : outcome.Message, outcome.Status == 200 ? Severity.Success : Severity.Warning);
        await ReloadAsync();
    }

    private async Task ReturnAsync()
    {
        if (_detail is null || !await CurrentUser.CanAsync(Permissions.Review)) return;
        var outcome = await Queue.ReturnAsync(_userId, _detail.Review.Id, new ReviewDecision(null, _comment), CancellationToken.None);
        Snackbar.Add(outcome.Status == 200 ? "Returned to the bidder with your comment." : outcome.Message, outcome.Status == 200 ? Severity.Success : Severity.Warning);
        await ReloadAsync();
    }

    private async Task SubmitAsync()
    {
        if (_detail is null || !await CurrentUser.CanAsync(Permissions.Review)) return;
        if (await Queue.ApprovedAsync(_detail.Review.Id, CancellationToken.None) is not { } approved) return;
        var connects = _detail.ConnectsSpent is { } c ? $"{c} Connects" : "the Connects Upwork charges for this job";
        // The same human-confirmed submission a bidder uses, as the bidder's proposal on the bidder's Upwork connection.
        var parameters = new DialogParameters<SubmitProposalDialog>
        {
            { d => d.UserId, approved.OwnerId },
            { d => d.ProposalId, approved.ProposalId },
            { d => d.Summary, $"{_detail.Review.Bidder}'s approved letter goes to the client now, on {_detail.Review.Bidder}'s Upwork account. This spends {connects} and cannot be undone." },
        };
        var dialog = await Dialogs.ShowAsync<SubmitProposalDialog>("Submit to Upwork?", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is not { Canceled: false }) return;
        await Queue.RecordSentAsync(_userId, _detail.Review.Id, "submitted through Upwork", CancellationToken.None);
        await ReloadAsync();
    }

    private async Task CopiedAsync()
    {
        if (_detail is null) return;
        await Queue.RecordSentAsync(_userId, _detail.Review.Id, "copied and opened on Upwork", CancellationToken.None);
    }

    private async Task SetAsync(Guid? bidderId, bool required)
    {
        if (!await CurrentUser.CanAsync(Permissions.Admin)) return;
        await Queue.SetRequiredAsync(_userId, bidderId, required, CancellationToken.None);
        _settings = await Queue.SettingsAsync(CancellationToken.None);
    }

    private static string StateText(ReviewRow row) => row.State switch
    {
        ReviewStates.Waiting => "Waiting for review",
        ReviewStates.Approved => $"Approved by {row.Reviewer}",
        ReviewStates.Returned => $"Returned by {row.Reviewer}",
        ReviewStates.Submitted => $"Submitted ({row.ProposalStatus})",
        _ => row.State,
    };

    private static string Step(TransitionRow h) => h.Source switch
    {
        "review_sent" => "sent for review",
        "review_approved" => "approved",
        "review_edited" => "edited and approved",
        "review_returned" => "returned with a comment",
        _ => h.From is null ? $"created as {h.To}" : $"{h.From} → {h.To} ({h.Source})",
    };

    /// <inheritdoc />
    public void Dispose() => _subscription?.Dispose();
}
