using Microsoft.AspNetCore.Components;
using Modules.Upwork.Connections;
using Modules.Upwork.Data;
using MudBlazor;
using FV = FluentValidation;

namespace Modules.Upwork.Features.ManageSavedSearches;

/// <summary>The user's saved searches and the team's shared ones, through <see cref="ManageSavedSearches"/>.</summary>
public sealed partial class SavedSearchesPanel
{
    [Inject] private ManageSavedSearches SavedSearches { get; set; } = null!;
    [Inject] private FV.IValidator<SavedSearchInput> SearchValidator { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private Contracts.Analytics.IProposalBacktests Backtests { get; set; } = null!;

    /// <summary>The signed-in user.</summary>
    [Parameter, EditorRequired] public Guid UserId { get; set; }
    /// <summary>Admins may share their searches with the team.</summary>
    [Parameter] public bool IsAdmin { get; set; }
    /// <summary>The connection view the page loaded (cascaded: its type is internal to the module): the user's searches with their sync state.</summary>
    [CascadingParameter] private ConnectionView View { get; set; } = null!;
    /// <summary>Raised after a search was added, changed or deleted, for the page to reload the connection view.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    private IReadOnlyList<SearchView> Searches => View.Searches;
    private bool Connected => View.Connected;

    private SearchForm _newSearch = new();
    private List<string> _searchErrors = [];
    private Contracts.Analytics.BacktestResult? _backtest;
    private IReadOnlyList<SavedSearchDto> _visibleSearches = [];
    private IReadOnlyList<SavedSearchDto> _teamSearches = [];

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => ReloadVisibleAsync();

    private async Task ReloadVisibleAsync()
    {
        _visibleSearches = await SavedSearches.ListVisibleAsync(UserId, CancellationToken.None);
        _teamSearches = _visibleSearches.Where(v => v.ReadOnly).ToList();
    }

    private async Task ChangedAsync()
    {
        await ReloadVisibleAsync();
        await OnChanged.InvokeAsync();
    }

    private bool IsShared(Guid id) => _visibleSearches.Any(v => v.Id == id && v.Shared && !v.ReadOnly);

    private async Task ShareAsync(Guid id, bool shared)
    {
        await SavedSearches.SetSharedAsync(UserId, id, shared, CancellationToken.None);
        Snackbar.Add(shared ? "Shared with the team: members can follow it." : "No longer shared.", Severity.Success);
        await ChangedAsync();
    }

    private async Task FollowAsync(Guid id, bool follow)
    {
        await SavedSearches.FollowAsync(UserId, id, follow, CancellationToken.None);
        await ChangedAsync();
    }

    private async Task AddSearchAsync()
    {
        var input = _newSearch.ToInput();
        var result = await SearchValidator.ValidateAsync(input);
        _searchErrors = result.Errors.Select(e => e.ErrorMessage).ToList();
        if (!result.IsValid) return;
        if (await SavedSearches.CreateAsync(UserId, input, CancellationToken.None) is null)
        {
            _searchErrors = [$"You already have {ManageSavedSearches.MaxPerUser} saved searches; delete one first."];
            return;
        }
        _newSearch = new();
        _backtest = null;
        Snackbar.Add("Search saved.", Severity.Success);
        await ChangedAsync();
    }

    /// <summary>Backtests the form's current values on the user's own last 90 days, before anything is saved.</summary>
    private async Task BacktestAsync()
    {
        var input = _newSearch.ToInput();
        var draft = new SavedSearch
        {
            Name = input.Name, FilterKey = "", Query = input.Query, Skills = input.Skills?.ToList() ?? [], JobType = input.JobType,
            ExperienceLevel = input.ExperienceLevel, PaymentVerifiedOnly = input.PaymentVerifiedOnly ?? false,
        };
        _backtest = await Backtests.RunAsync(UserId, Integrations.BacktestFilters.From(draft, 90), CancellationToken.None);
    }

    private static string Rate(Contracts.Analytics.BacktestRate r) =>
        r.Rate is not { } x ? "–" : $"{x * 100:0.#}% ({r.Low * 100:0.#}–{r.High * 100:0.#}%)";

    private async Task DeleteSearchAsync(Guid id)
    {
        await SavedSearches.DeleteAsync(UserId, id, CancellationToken.None);
        await ChangedAsync();
    }

    private static string Describe(SearchView s)
    {
        var parts = new List<string>();
        if (s.Query is { } q) parts.Add($"“{q}”");
        if (s.Skills.Count > 0) parts.Add("skills " + string.Join(", ", s.Skills));
        if (s.JobType is { } t) parts.Add(t);
        if (s.ExperienceLevel is { } l) parts.Add(l);
        if (s.PaymentVerifiedOnly) parts.Add("verified payment");
        if (s.HideRedFlagged) parts.Add("red-flagged jobs hidden");
        if (s.QuietFromHour is { } qf && s.QuietToHour is { } qt) parts.Add($"quiet {qf:00}:00–{qt:00}:00 UTC");
        return string.Join(" · ", parts);
    }

    private sealed class SearchForm
    {
        public string? Name { get; set; }
        public string? Query { get; set; }
        public string? Skills { get; set; }
        public string? JobType { get; set; }
        public string? ExperienceLevel { get; set; }
        public bool PaymentVerifiedOnly { get; set; }
        public bool HideRedFlagged { get; set; }
        public bool AlertsEnabled { get; set; } = true;
        public int? QuietFrom { get; set; }
        public int? QuietTo { get; set; }

        public SavedSearchInput ToInput() => new(Name ?? "", Query,
            (Skills ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), JobType, ExperienceLevel, PaymentVerifiedOnly, AlertsEnabled,
            QuietFromHour: QuietFrom, QuietToHour: QuietTo, HideRedFlagged: HideRedFlagged);
    }
}
