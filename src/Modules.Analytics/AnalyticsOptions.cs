namespace Modules.Analytics;

/// <summary>Settings under <c>Analytics</c>.</summary>
internal sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    /// <summary>What one Connect costs, in USD (Upwork sells them at $0.15).</summary>
    public decimal ConnectPriceUsd { get; set; } = 0.15m;
}
