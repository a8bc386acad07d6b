using Contracts.Identity;
using Contracts.Upwork;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Modules.Upwork.Features.PasteJobPosting;
using Modules.Upwork.Features.ShowJobPosting;
using Modules.Upwork.Proposals;
using MudBlazor;
using Shared.Live;

namespace Modules.Upwork.Features.BrowseJobPostings;

/// <summary>The job list: filters kept in the address bar, live refresh, infinite scroll, and the detail drawer.</summary>
public sealed partial class JobPostingsPage : IAsyncDisposable
{
    [Inject] private SearchJobPostings Query { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private LiveUpdates Live { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private NavigationManager Nav { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private ITrackJobs Tracking { get; set; } = null!;
    [Inject] private CurrentUser CurrentUser { get; set; } = null!;
    [Inject] private Modules.Upwork.RedFlags.JobRedFlags RedFlags { get; set; } = null!;
    [Inject] private Modules.Upwork.Claims.JobClaims Claims { get; set; } = null!;

    /// <summary>Jobs fetched per page; more load as the list scrolls.</summary>
    internal const int PageSize = 50;

    private List<JobPostingSummary>? _items;
    private readonly Dictionary<Guid, IReadOnlyList<JobRedFlag>> _flags = [];
    private readonly Dictionary<Guid, Modules.Upwork.Claims.ClaimView> _claims = [];
    private IDisposable? _claimSubscription;
    private int _total;
    private bool _totalCapped;
    private string? _nextCursor;
    private bool _loadingMore;
    private ElementReference _sentinel;
    private IJSObjectReference? _scrollModule;
    private IJSObjectReference? _scrollHandle;
    private DotNetObjectReference<JobPostingsPage>? _self;
    private string? _search;
    private IDisposable? _subscription;

    private Guid _userId;
    private bool _canDraft;

    [SupplyParameterFromQuery(Name = "q")] private string? QueryText { get; set; }
    [SupplyParameterFromQuery(Name = "jobType")] private string? QueryType { get; set; }
    [SupplyParameterFromQuery(Name = "experienceLevel")] private string? QueryLevel { get; set; }
    [SupplyParameterFromQuery(Name = "budgetMin")] private decimal? QueryBudgetMin { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] private string? QuerySort { get; set; }

    /// <summary>The job open in the quick-look drawer: its address is in the bar, so Back closes it and a reload reopens it.</summary>
    [SupplyParameterFromQuery(Name = "job")] private Guid? QueryJob { get; set; }

    private (string?, string?, string?, decimal?, string)? _loadedFilters;
    private int _loadGeneration;

    /// <summary>The filters take input once the page is interactive and its first results are in.</summary>
    private bool _live;

    private string? _type, _level;
    private string _sort = "recent";
    private decimal? _budgetMin;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _userId = await CurrentUser.IdAsync();
        _canDraft = await CurrentUser.CanAsync(Permissions.Draft);
    }

    /// <summary>Tracking and pasting change bidding data: offered only to roles that may draft (a viewer only reads).</summary>
    private EventCallback<JobPostingSummary> TrackCallback => _canDraft ? EventCallback.Factory.Create<JobPostingSummary>(this, TrackAsync) : default;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        // The address is the source of truth: Back and shared links land on the same results.
        (_search, _type, _level, _budgetMin) = (QueryText, QueryType is "hourly" or "fixed" ? QueryType : null,
            QueryLevel is "entry" or "intermediate" or "expert" ? QueryLevel : null, QueryBudgetMin is >= 0 and < 100_000_000 ? QueryBudgetMin : null);
        _sort = QuerySort is "relevance" or "fit" ? QuerySort : "recent";
        // Opening or closing the drawer changes only ?job=: the list stays as it is.
        var filters = (_search, _type, _level, _budgetMin, _sort);
        if (_loadedFilters != filters)
        {
            _loadedFilters = filters;
            await ReloadAsync();
        }
        if (_drawer is null) return;
        if (QueryJob is { } job && _drawer.OpenJobId != job) await _drawer.OpenAsync(job);
        else if (QueryJob is null && _drawer.OpenJobId is not null) _drawer.Close();
    }

    private Task FiltersChangedAsync()
    {
        Nav.NavigateTo(Nav.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(_search) ? null : _search.Trim()[..Math.Min(200, _search.Trim().Length)],
            ["jobType"] = _type, ["experienceLevel"] = _level, ["budgetMin"] = _budgetMin, ["sort"] = _sort == "recent" ? null : _sort,
        }));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        if (QueryJob is { } job && _drawer is not null) await _drawer.OpenAsync(job);
        _subscription = Live.Subscribe(UpworkTopics.JobPostings, () => InvokeAsync(RefreshTopAsync));
        _claimSubscription = Live.Subscribe(UpworkTopics.JobClaims, e => InvokeAsync(() => ClaimChangedAsync(e.Read<Guid>())));
        if (!RendererInfo.IsInteractive) return;
        try
        {
            _self = DotNetObjectReference.Create(this);
            _scrollModule = await JS.InvokeAsync<IJSObjectReference>("import", "./_content/Modules.Upwork/infiniteScroll.js");
            _scrollHandle = await _scrollModule.InvokeAsync<IJSObjectReference?>("observe", _sentinel, _self);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            _scrollModule = null;   // the Load more button still works
        }
    }

    private JobPostingQuery PageQuery(string? cursor, int offset) =>
        new(string.IsNullOrWhiteSpace(_search) ? null : _search.Trim()[..Math.Min(200, _search.Trim().Length)], PageSize, offset,
            Sort: _sort, Cursor: cursor, JobType: _type, ExperienceLevel: _level, BudgetMin: _budgetMin);

    /// <summary>Newest first pages by cursor (stable while jobs arrive); relevance and fit by offset.</summary>
    private bool HasMore => _sort == "recent" ? _nextCursor is not null : _items is not null && _items.Count < _total;

    private async Task ReloadAsync()
    {
        // Filters can change while a load is in flight (each change navigates, and the next load starts at once): only the
        // newest load may set the list, so a slow earlier search never replaces the results of the later one.
        var generation = ++_loadGeneration;
        var page = await Query.RunAsync(PageQuery(null, 0), _userId, CancellationToken.None);
        if (generation != _loadGeneration) return;
        (_items, _total, _nextCursor, _totalCapped) = (page.Items.ToList(), page.Total, page.NextCursor, page.TotalCapped);
        await FlagAsync(_items);
        _live = RendererInfo.IsInteractive;
        StateHasChanged();
    }

    /// <summary>New jobs arrived: refresh the first page and keep the pages already scrolled through below it.</summary>
    private async Task RefreshTopAsync()
    {
        if (_items is null || _items.Count <= PageSize) { await ReloadAsync(); return; }
        var page = await Query.RunAsync(PageQuery(null, 0), _userId, CancellationToken.None);
        var fresh = page.Items.Select(i => i.Id).ToHashSet();
        _items = page.Items.Concat(_items.Where(i => !fresh.Contains(i.Id))).ToList();
        await FlagAsync(page.Items);
        (_total, _totalCapped) = (page.Total, page.TotalCapped);
        StateHasChanged();
    }

    private async Task LoadMoreAsync()
    {
        if (_loadingMore || _items is null || !HasMore) return;
        _loadingMore = true;
        try
        {
            var page = await Query.RunAsync(_sort == "recent" ? PageQuery(_nextCursor, 0) : PageQuery(null, _items.Count), _userId, CancellationToken.None);
            var known = _items.Select(i => i.Id).ToHashSet();
            _items.AddRange(page.Items.Where(i => known.Add(i.Id)));
            await FlagAsync(page.Items);
            _nextCursor = page.NextCursor;
            (_total, _totalCapped) = (page.Total, page.TotalCapped);
            if (_sort != "recent" && page.Items.Count == 0) _total = _items.Count;   // the list shrank meanwhile: stop asking
        }
        finally
        {
            _loadingMore = false;
        }
    }

    /// <summary>Called by <c>infiniteScroll.js</c> when the sentinel below the list comes into view.</summary>
    [JSInvokable]
    public Task LoadMoreFromScrollAsync() => InvokeAsync(async () =>
    {
        await LoadMoreAsync();
        StateHasChanged();
    });

    /// <summary>Red flags of the cards just loaded (computed from the stored jobs, no Upwork call; docs/red-flags.md).</summary>
    private async Task FlagAsync(IEnumerable<JobPostingSummary> jobs)
    {
        var list = jobs.ToList();
        var ids = list.Select(j => j.Id).Where(id => !_flags.ContainsKey(id)).ToList();
        foreach (var (id, flags) in await RedFlags.ForJobsAsync(_userId, ids, CancellationToken.None)) _flags[id] = flags;
        var shown = list.Select(j => j.Id).ToList();
        foreach (var id in shown) _claims.Remove(id);
        foreach (var (id, claim) in await Claims.ForJobsAsync(_userId, shown, CancellationToken.None)) _claims[id] = claim;
    }

    /// <summary>A teammate claimed, released or handed over a job: its card says so at once (LiveUpdates topic of the claims).</summary>
    private async Task ClaimChangedAsync(Guid jobId)
    {
        if (_items is null || !_items.Any(j => j.Id == jobId)) return;
        _claims.Remove(jobId);
        foreach (var (id, claim) in await Claims.ForJobsAsync(_userId, [jobId], CancellationToken.None)) _claims[id] = claim;
        StateHasChanged();
    }

    private bool Filtered => !string.IsNullOrWhiteSpace(_search) || _type is not null || _level is not null || _budgetMin is not null;

    private JobPostingDrawer? _drawer;

    private Task OpenAsync(JobPostingSummary job)
    {
        Nav.NavigateTo(Nav.GetUriWithQueryParameter("job", job.Id));
        return Task.CompletedTask;
    }

    private void DrawerClosed()
    {
        if (QueryJob is not null) Nav.NavigateTo(Nav.GetUriWithQueryParameter("job", (Guid?)null));
    }

    private async Task TrackAsync(JobPostingSummary job)
    {
        if (!await CurrentUser.CanAsync(Permissions.Draft)) return;
        var outcome = await Tracking.TrackAsync(_userId, job.Id, CancellationToken.None);
        if (outcome.Blocked is { } blocked) Snackbar.Add(blocked, Severity.Warning);
        else if (!outcome.Tracked) Snackbar.Add("This job is no longer available.", Severity.Warning);
        else Snackbar.Add("Added to your proposals as a draft.", Severity.Success, o => { o.Action = "Open board"; o.OnClick = _ => { Nav.NavigateTo("/upwork/proposals"); return Task.CompletedTask; }; });
    }

    private async Task PasteAsync()
    {
        if (!await CurrentUser.CanAsync(Permissions.Draft)) return;
        var parameters = new DialogParameters<PasteJobDialog> { { d => d.UserId, _userId } };
        var dialog = await Dialogs.ShowAsync<PasteJobDialog>("Paste a job", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add("Job saved.", Severity.Success);
            await ReloadAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _claimSubscription?.Dispose();
        try
        {
            if (_scrollModule is not null)
            {
                await _scrollModule.InvokeVoidAsync("disconnect", _scrollHandle);
                await _scrollModule.DisposeAsync();
            }
            if (_scrollHandle is not null) await _scrollHandle.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // the browser is gone; nothing to disconnect
        }
        _self?.Dispose();
    }
}
