namespace TestSupport.Api;

/// <summary>The analytics dashboard as <c>/api/v1/analytics/dashboard</c> answers it (the fields tests read).</summary>
public sealed record Dashboard(IReadOnlyList<Kpi> Kpis, IReadOnlyList<FunnelStep> Funnel)
{
    /// <summary>The value of the KPI named <paramref name="key"/> (null when it cannot be computed); fails unless exactly one has that key.</summary>
    public decimal? Value(string key) => Kpis.Single(k => k.Key == key).Value;
}
