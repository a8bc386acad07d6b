using Contracts.Identity;

namespace Modules.Identity.Features.Quota;

internal static class UsageQuotaEndpoints
{
    public static RouteGroupBuilder MapUsageQuota(this RouteGroupBuilder identity)
    {
        identity.MapGet("/usage", async (HttpContext http, IUsageQuota quota, CancellationToken ct) =>
                ApiResults.Ok(await quota.GetUsageAsync(UserIds.Require(http), QuotaFeatures.AiGeneration, ct)))
            .WithSummary("This month's AI generations used and allowed by your plan");
        return identity;
    }
}
