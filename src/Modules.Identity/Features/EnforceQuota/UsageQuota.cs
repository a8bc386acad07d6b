using System.Globalization;
using Contracts.Identity;
using Modules.Identity.Data;
using Modules.Identity.Plans;

namespace Modules.Identity.Features.EnforceQuota;

/// <summary>
/// Monthly plan limits. Consuming is one conditional UPDATE (<c>count = count + 1 WHERE count &lt; limit</c>), so
/// concurrent generations can never exceed the limit, on either database.
/// </summary>
internal sealed class UsageQuota(IDbContextFactory<AppDbContext> contexts, IOptions<PlanOptions> plans, TimeProvider time) : IUsageQuota
{
    public async Task<QuotaDecision> TryConsumeAsync(Guid userId, string feature, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var plan = await db.Users.Where(u => u.Id == userId).Select(u => u.SubscriptionPlan).FirstOrDefaultAsync(ct);
        if (plan is null) return new QuotaDecision(false, 0, 0, "none", "The account no longer exists");
        var limit = plans.Value.LimitFor(plan, feature);
        var (period, start, end) = Period();
        await EnsureCounterAsync(db, userId, period, feature, ct);

        var consumed = await db.UsageCounters()
            .Where(c => c.UserId == userId && c.Period == period && c.Feature == feature && c.Count < limit)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + 1), ct);
        var used = await db.UsageCounters().Where(c => c.UserId == userId && c.Period == period && c.Feature == feature).Select(c => c.Count).FirstAsync(ct);
        return consumed == 1
            ? new QuotaDecision(true, used, limit, plan, null)
            : new QuotaDecision(false, used, limit, plan,
                $"Your {plan} plan includes {limit} AI generation{(limit == 1 ? "" : "s")} a month and you have used {used}. " +
                $"The count starts again on {end.AddDays(1).ToString("d MMMM", CultureInfo.InvariantCulture)}; ask your workspace admin for a bigger plan, or write this one yourself.");
    }

    public async Task<QuotaUsage> GetUsageAsync(Guid userId, string feature, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var plan = await db.Users.Where(u => u.Id == userId).Select(u => u.SubscriptionPlan).FirstOrDefaultAsync(ct) ?? "free";
        var (period, start, end) = Period();
        var used = await db.UsageCounters().Where(c => c.UserId == userId && c.Period == period && c.Feature == feature).Select(c => c.Count).FirstOrDefaultAsync(ct);
        return new QuotaUsage(plan, used, plans.Value.LimitFor(plan, feature), start, end);
    }

    private static async Task EnsureCounterAsync(AppDbContext db, Guid userId, string period, string feature, CancellationToken ct)
    {
        if (await db.UsageCounters().AnyAsync(c => c.UserId == userId && c.Period == period && c.Feature == feature, ct)) return;
        db.UsageCounters().Add(new UsageCounter { UserId = userId, Period = period, Feature = feature, Count = 0 });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request created this month's counter first: fine, it is there now.
            db.ChangeTracker.Clear();
        }
    }

    private (string Key, DateOnly Start, DateOnly End) Period()
    {
        var now = time.GetUtcNow();
        var start = new DateOnly(now.Year, now.Month, 1);
        return (start.ToString("yyyy-MM", CultureInfo.InvariantCulture), start, start.AddMonths(1).AddDays(-1));
    }
}
