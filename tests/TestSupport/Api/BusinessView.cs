namespace TestSupport.Api;

/// <summary>The admin's business view: monthly recurring revenue today and month by month.</summary>
public sealed record BusinessView(decimal MrrToday, IReadOnlyList<BusinessMonth> Months);
