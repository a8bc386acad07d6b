using Contracts.Identity;
using Microsoft.AspNetCore.Components;
using Modules.Ai.Features.ManageSettings;
using Modules.Ai.Features.ManageTemplates;
using Modules.Ai.Features.WriteCoverLetter;
using Modules.Ai.Writing;
using MudBlazor;

namespace Modules.Ai.Features.ListProviders;

/// <summary>The AI page: the provider chain and its order, settings, templates, usage and spend; recent letters and the trained models are panels of the ListGenerations and TrainModels slices.</summary>
public sealed partial class AiPage
{
    [Inject] private ListProviders Providers { get; set; } = null!;
    [Inject] private ManageSettings.ManageSettings SettingsService { get; set; } = null!;
    [Inject] private ManageTemplates.ManageTemplates Templates { get; set; } = null!;
    [Inject] private IUsageQuota Quota { get; set; } = null!;
    [Inject] private SpendingGuard Spending { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private CurrentUser User { get; set; } = null!;

    private Guid _userId;
    private IReadOnlyList<AiProviderStatus> _providers = [];
    private AiSettingsDto? _settings;
    private SettingsForm _form = new();
    private IReadOnlyList<TemplateDto> _templates = [];
    private IReadOnlyList<TemplateWinRate> _winRates = [];
    private bool _canDraft, _isAdmin;
    private QuotaUsage? _usage;
    private decimal _spent;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _userId = await User.IdAsync();
        _canDraft = await User.CanAsync(Permissions.Draft);
        _isAdmin = await User.CanAsync(Permissions.Admin);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var ct = CancellationToken.None;
        _providers = await Providers.RunAsync(_userId, ct);
        _settings = await SettingsService.GetAsync(_userId, ct);
        if (!_settings.UsesWorkspaceDefaults)
            _form = new SettingsForm
            {
                OpenAIModel = _settings.OpenAIModel, AnthropicModel = _settings.AnthropicModel, CompatibleModel = _settings.CompatibleModel,
                CompatibleBaseUrl = _settings.CompatibleBaseUrl, MaxTokens = _settings.MaxTokens, Temperature = _settings.Temperature,
                MonthlySpendingCapUsd = _settings.MonthlySpendingCapUsd,
            };
        _templates = await Templates.ListAsync(_userId, ct);
        _winRates = await Templates.WinRatesAsync(_userId, ct);
        _usage = await Quota.GetUsageAsync(_userId, QuotaFeatures.AiGeneration, ct);
        _spent = await Spending.SpentThisMonthAsync(_userId, ct);
    }

    // Shared templates are read-only for everyone but their owner: a copy is the way to edit one (the handler checks again).
    private async Task CopyTemplateAsync(TemplateDto template)
    {
        if (!await User.CanAsync(Permissions.Draft)) return;
        var copy = await Templates.CopyAsync(_userId, template.Id, CancellationToken.None);
        Snackbar.Add(copy is null ? "That template is no longer available." : $"Copied as \"{copy.Name}\".", copy is null ? Severity.Warning : Severity.Success);
        await LoadAsync();
    }

    private async Task ShareTemplateAsync(TemplateDto template, bool shared)
    {
        if (!await User.CanAsync(Permissions.Admin) || !Guid.TryParse(template.Id, out var id)) return;
        await Templates.ShareAsync(_userId, id, shared, CancellationToken.None);
        await LoadAsync();
    }

    private async Task MoveAsync(string kind, int by)
    {
        var order = _providers.Select(p => p.Kind).ToList();
        var at = order.IndexOf(kind);
        if (at + by < 0) return;
        (order[at], order[at + by]) = (order[at + by], order[at]);
        await SettingsService.SaveAsync(_userId, Input(order), CancellationToken.None);
        await LoadAsync();
    }

    private async Task SaveAsync()
    {
        if (_form.MaxTokens is < 100 or > 8000 || _form.Temperature is < 0 or > 2 || _form.MonthlySpendingCapUsd is < 0)
        {
            Snackbar.Add("Max tokens must be 100–8,000, temperature 0–2, and the cap not negative.", Severity.Error);
            return;
        }
        if (!string.IsNullOrWhiteSpace(_form.CompatibleBaseUrl) && !(Uri.TryCreate(_form.CompatibleBaseUrl.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
        {
            Snackbar.Add("The local model server must be an http(s) address, e.g. http://my-server:11434/v1", Severity.Error);
            return;
        }
        await SettingsService.SaveAsync(_userId, Input(_providers.Select(p => p.Kind).ToList()), CancellationToken.None);
        Snackbar.Add("AI settings saved.", Severity.Success);
        await LoadAsync();
    }

    private AiSettingsInput Input(IReadOnlyList<string> order) => new(order, _form.OpenAIModel, _form.AnthropicModel, _form.CompatibleModel, _form.CompatibleBaseUrl,
        _form.MaxTokens, _form.Temperature, _form.MonthlySpendingCapUsd);

    private sealed class SettingsForm
    {
        public string? OpenAIModel { get; set; }
        public string? AnthropicModel { get; set; }
        public string? CompatibleModel { get; set; }
        public string? CompatibleBaseUrl { get; set; }
        public int? MaxTokens { get; set; }
        public double? Temperature { get; set; }
        public decimal? MonthlySpendingCapUsd { get; set; }
    }
}
