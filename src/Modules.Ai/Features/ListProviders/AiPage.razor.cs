using Microsoft.AspNetCore.Components;
using Modules.Ai.Features.ManageSettings;
using Modules.Ai.Writing;
using MudBlazor;

namespace Modules.Ai.Features.ListProviders;

/// <summary>The AI page: the provider chain and its order and the settings; recent letters, this month's use, the trained models and the templates are panels of the ListGenerations, WriteCoverLetter, TrainModels and ManageTemplates slices.</summary>
public sealed partial class AiPage
{
    [Inject] private ListProviders Providers { get; set; } = null!;
    [Inject] private ManageSettings.ManageSettings SettingsService { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private CurrentUser User { get; set; } = null!;

    private Guid _userId;
    private IReadOnlyList<AiProviderStatus> _providers = [];
    private AiSettingsDto? _settings;
    private SettingsForm _form = new();

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _userId = await User.IdAsync();
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
