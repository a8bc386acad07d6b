using Contracts.Identity;

namespace Modules.Identity.Features.ManagePersonalData;

/// <summary>What is collected about the user, why, for how long, who it is shared with (the AI providers they hold keys for), and their rights.</summary>
internal sealed class PrivacyNotice(IApiKeyVault vault)
{
    private static readonly string[] AiProviders = ["openai", "anthropic", "openai_compatible"];

    public async Task<PrivacyNoticeView> RunAsync(Guid userId, CancellationToken ct)
    {
        var providers = new List<string> { "Upwork API (only when you connect an account)" };
        foreach (var provider in AiProviders)
            if (await vault.GetAsync(userId, provider, ct) is not null) providers.Add($"{provider} (job text and your profile, to write letters)");
        return new PrivacyNoticeView(
            ["account", "freelancer profiles", "jobs you save or apply to", "proposals", "AI generations", "usage and analytics", "security events"],
            ["service provision", "analytics you see on your dashboard", "improving suggestions for you"],
            "While your account exists; Upwork job content is purged after 24 hours unless you saved or applied to the job.",
            providers,
            ["access", "rectification", "erasure", "portability"],
            "On the machine that runs this app; nothing is sent anywhere else.");
    }
}

internal sealed record PrivacyNoticeView(
    IReadOnlyList<string> DataCollected, IReadOnlyList<string> Purposes, string Retention, IReadOnlyList<string> DataSharing,
    IReadOnlyList<string> UserRights, string WhereItLives);
