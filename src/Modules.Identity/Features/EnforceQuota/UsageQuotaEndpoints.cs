using Contracts.Identity;
using Modules.Identity.Plans;

namespace Modules.Identity.Features.EnforceQuota;

internal static class UsageQuotaEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddUsageQuota(this IServiceCollection services)
    {
        services.AddOptions<PlanOptions>().BindConfiguration(PlanOptions.Section);
        services.AddTransient<UsageQuota>().AddTransient<Contracts.Identity.IUsageQuota>(sp => sp.GetRequiredService<UsageQuota>());
        return services;
    }

    public static RouteGroupBuilder MapUsageQuota(this RouteGroupBuilder identity)
    {
        identity.MapGet("/usage", async (HttpContext http, IUsageQuota quota, CancellationToken ct) =>
                ApiResults.Ok(await quota.GetUsageAsync(UserIds.Require(http), QuotaFeatures.AiGeneration, ct)))
            .WithSummary("This month's AI generations used and allowed by your plan");
        return identity;
    }
}
