using Contracts.Identity;
using Modules.Ai.Data;
using Modules.Ai.Integrations.Providers;
using Modules.Ai.Writing;

namespace Modules.Ai.Features.WriteCoverLetter;

/// <summary>
/// The monthly spending cap and the plan's generation quota: checked once before a paid provider may run (a letter,
/// <see cref="WriteCoverLetter"/>), and the month's spend shown on the AI page.
/// </summary>
internal sealed class SpendingGuard(IDbContextFactory<AppDbContext> contexts, IUsageQuota quota, IOptionsMonitor<AiOptions> options, TimeProvider time)
{
    /// <summary>Quota and spending cap, checked once before the first paid provider; over either, paid providers are refused.</summary>
    public async Task GuardPaidAsync(PreparedLetter job, CancellationToken ct)
    {
        if (!job.Steps.Any(s => s.Paid)) return;
        var own = job.Settings?.MonthlySpendingCapUsd ?? options.CurrentValue.MonthlySpendingCapUsd;
        var cap = EffectiveCap(own, job.Steps.Any(s => s.Shared), options.CurrentValue);
        if (cap > 0)
        {
            var spent = await SpentThisMonthAsync(job.UserId, ct);
            if (spent >= cap)
                throw new AiLimitReachedException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"You have reached your monthly AI spending cap (${spent:0.00} of ${cap:0.00}). ") + (cap != own
                        ? "That is the workspace's limit on its shared keys: add your own key under Account → API keys, or choose the offline writer."
                        : "Raise it in AI settings, or choose the offline writer."));
        }
        var decision = await quota.TryConsumeAsync(job.UserId, QuotaFeatures.AiGeneration, ct);
        if (!decision.Allowed)
        {
            AiMetrics.Request(job.Steps[0].Kind, AiMetrics.ModelLabel(job.Steps[0].Models[0], options.CurrentValue), "refused");
            throw new AiLimitReachedException(
                $"{decision.Reason ?? $"You have used {decision.Used} of {decision.Limit} AI generations this month on the {decision.Plan} plan."} The offline writer is still available: choose it as the provider.");
        }
    }

    /// <summary>
    /// The cap that applies: the member's own, except that with a shared key in the chain "none" (0) or more than the
    /// admin's <c>Ai:SharedKeys:MonthlySpendingCapUsd</c> counts as that ceiling.
    /// </summary>
    internal static decimal EffectiveCap(decimal own, bool sharedKey, AiOptions o)
    {
        var ceiling = o.SharedKeys.MonthlySpendingCapUsd;
        if (!sharedKey || ceiling <= 0) return own;
        return own <= 0 || own > ceiling ? ceiling : own;
    }

    /// <summary>What the user's letters cost this calendar month (UTC), as far as the providers reported it.</summary>
    public async Task<decimal> SpentThisMonthAsync(Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var costs = await db.Generations().AsNoTracking().Where(g => g.UserId == userId && g.CreatedAt >= monthStart && g.Cost != null)
            .Select(g => g.Cost!.Value).ToListAsync(ct);
        return costs.Sum();
    }
}
