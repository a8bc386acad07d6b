using Contracts.Ai;
using FluentValidation;
using Modules.Ai.Data;
using Modules.Ai.Integrations.Providers;

namespace Modules.Ai.Features.ManageSettings;

/// <summary>A user's AI settings as the API shows them, with the workspace defaults they fall back to.</summary>
internal sealed record AiSettingsDto(
    IReadOnlyList<string> ProviderOrder, string OpenAIModel, string AnthropicModel, string CompatibleModel, string? CompatibleBaseUrl,
    int MaxTokens, double Temperature, decimal MonthlySpendingCapUsd, bool LocalModelsAllowed, bool UsesWorkspaceDefaults,
    SharedKeyCeilings SharedKeys);

/// <summary>What applies on the workspace's own keys, whatever a member sets (the admin's <c>Ai:SharedKeys</c>).</summary>
internal sealed record SharedKeyCeilings(int MaxTokens, decimal MonthlySpendingCapUsd, IReadOnlyList<string> Models);

/// <summary>Body of <c>PUT /api/v1/ai/settings</c>; a null field goes back to the workspace default.</summary>
internal sealed record AiSettingsInput(
    IReadOnlyList<string>? ProviderOrder, string? OpenAIModel, string? AnthropicModel, string? CompatibleModel, string? CompatibleBaseUrl,
    int? MaxTokens, double? Temperature, decimal? MonthlySpendingCapUsd);

/// <summary>Per-user provider order, models and limits over the workspace defaults from configuration.</summary>
internal sealed class ManageSettings(IDbContextFactory<AppDbContext> contexts, IOptionsMonitor<AiOptions> options, TimeProvider time)
{
    public async Task<AiSettingsDto> GetAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return Dto(await db.AiSettings().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, ct));
    }

    public async Task<AiSettingsDto> SaveAsync(Guid userId, AiSettingsInput input, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.AiSettings().FirstOrDefaultAsync(s => s.UserId == userId, ct);
        if (row is null) db.AiSettings().Add(row = new AiSettings { UserId = userId });
        row.ProviderOrder = input.ProviderOrder is { Count: > 0 } order ? string.Join(',', ProviderChain.Order(string.Join(',', order))) : null;
        row.OpenAIModel = Blank(input.OpenAIModel);
        row.AnthropicModel = Blank(input.AnthropicModel);
        row.CompatibleModel = Blank(input.CompatibleModel);
        row.CompatibleBaseUrl = Blank(input.CompatibleBaseUrl);
        row.MaxTokens = input.MaxTokens;
        row.Temperature = input.Temperature;
        row.MonthlySpendingCapUsd = input.MonthlySpendingCapUsd;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Dto(row);
    }

    private AiSettingsDto Dto(AiSettings? s)
    {
        var o = options.CurrentValue;
        return new AiSettingsDto(ProviderChain.Order(s?.ProviderOrder ?? o.ProviderOrder), s?.OpenAIModel ?? o.OpenAI.Model ?? "gpt-4o",
            s?.AnthropicModel ?? o.Anthropic.Model ?? "claude-sonnet-4-5", s?.CompatibleModel ?? o.OpenAICompatible.Model ?? "llama3.1",
            s?.CompatibleBaseUrl, s?.MaxTokens ?? o.MaxTokens, s?.Temperature ?? o.Temperature, s?.MonthlySpendingCapUsd ?? o.MonthlySpendingCapUsd,
            o.AllowLocalModels, s is null,
            new SharedKeyCeilings(o.SharedKeys.MaxTokens, o.SharedKeys.MonthlySpendingCapUsd, [.. ProviderChain.AllowedOnSharedKeys(o).Order(StringComparer.Ordinal)]));
    }

    private static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
}

internal sealed class AiSettingsInputValidator : AbstractValidator<AiSettingsInput>
{
    public AiSettingsInputValidator()
    {
        RuleFor(s => s.ProviderOrder).Must(o => o is null || o.All(p => AiProviderKinds.All.Contains(p)))
            .WithMessage($"providerOrder may only name {string.Join(", ", AiProviderKinds.All)}");
        RuleFor(s => s.MaxTokens).InclusiveBetween(100, 8000).WithMessage("maxTokens must be between 100 and 8,000");
        RuleFor(s => s.Temperature).InclusiveBetween(0, 2).WithMessage("temperature must be between 0 and 2");
        RuleFor(s => s.MonthlySpendingCapUsd).InclusiveBetween(0, 100_000).WithMessage("monthlySpendingCapUsd must be between 0 and 100,000");
        RuleFor(s => s.CompatibleBaseUrl).Must(u => u is null || u.Trim().Length == 0 || (Uri.TryCreate(u.Trim(), UriKind.Absolute, out var x) && x.Scheme is "http" or "https"))
            .WithMessage("compatibleBaseUrl must be an http(s) URL, e.g. http://my-server:11434/v1");
        foreach (var (name, get) in new (string, Func<AiSettingsInput, string?>)[] { ("openAIModel", s => s.OpenAIModel), ("anthropicModel", s => s.AnthropicModel), ("compatibleModel", s => s.CompatibleModel) })
            RuleFor(s => get(s)).MaximumLength(100).WithMessage($"{name} must be at most 100 characters").OverridePropertyName(name);
    }
}
