namespace Modules.Analytics.Data;

/// <summary>One metric's value for one day (a daily aggregate the dashboard reads instead of raw rows).</summary>
internal sealed class DailyMetric
{
    public DateOnly Day { get; set; }
    public required string Metric { get; set; }
    public decimal Value { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
