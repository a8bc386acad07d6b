using Contracts.Upwork;

namespace Contracts.Ai;

/// <summary>What similar jobs pay, from the AI module's salary model (the Upwork module's "far below the market" red flag).</summary>
public interface IMarketRates
{
    /// <summary>
    /// The typical price of jobs like this one in its own unit (dollars per hour for hourly jobs, dollars for fixed ones),
    /// or null while no salary model is trained or the job type is unknown.
    /// </summary>
    Task<decimal?> TypicalPriceAsync(JobPostingDetails job, CancellationToken ct);
}
