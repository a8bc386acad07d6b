using Contracts.Identity;

namespace Modules.Identity.Plans;

/// <summary>Settings under <c>Plans</c>: monthly limits per plan.</summary>
internal sealed class PlanOptions
{
    public const string Section = "Plans";

    public Dictionary<string, int> AiGenerationsPerMonth { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["free"] = 5,
        ["pro"] = 300,
        ["agency"] = 2000,
    };

    public int LimitFor(string plan, string feature) =>
        feature == QuotaFeatures.AiGeneration && AiGenerationsPerMonth.TryGetValue(plan, out var limit) ? limit : 0;
}
