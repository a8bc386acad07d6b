using Contracts.Ai;
using Contracts.Upwork;
using Modules.Ai.Models;

namespace Modules.Ai.Integrations;

/// <summary>The module's side of <see cref="IMarketRates"/>: the workspace's active salary model, or nothing while none is trained.</summary>
internal sealed class AiMarketRates(ModelStore models) : IMarketRates
{
    public async Task<decimal?> TypicalPriceAsync(JobPostingDetails job, CancellationToken ct)
    {
        var loaded = await models.GetAsync(Guid.Empty, ct);   // the workspace's models; the salary model is never personal
        return loaded.Salary?.Predict(job) is > 0 and var price ? price : null;
    }
}
