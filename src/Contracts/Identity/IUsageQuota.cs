namespace Contracts.Identity;

/// <summary>
/// Plan limits, counted per calendar month (UTC). The AI module calls <see cref="TryConsumeAsync"/> before each
/// generation; a refusal says why, in words a user can act on.
/// </summary>
public interface IUsageQuota
{
    /// <summary>Uses one unit of <paramref name="feature"/> if the user's plan allows it this month.</summary>
    Task<QuotaDecision> TryConsumeAsync(Guid userId, string feature, CancellationToken ct);

    /// <summary>This month's use and limit of <paramref name="feature"/>.</summary>
    Task<QuotaUsage> GetUsageAsync(Guid userId, string feature, CancellationToken ct);
}

/// <summary>Metered features.</summary>
public static class QuotaFeatures
{
    /// <summary>One AI generation (cover letter or analysis).</summary>
    public const string AiGeneration = "ai_generation";
}

/// <summary>The answer to <see cref="IUsageQuota.TryConsumeAsync"/>.</summary>
public sealed record QuotaDecision(bool Allowed, int Used, int Limit, string Plan, string? Reason);

/// <summary>Use so far this month.</summary>
public sealed record QuotaUsage(string Plan, int Used, int Limit, DateOnly PeriodStart, DateOnly PeriodEnd);
