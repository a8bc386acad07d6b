namespace TestSupport.Api;

/// <summary>One month of the business view.</summary>
public sealed record BusinessMonth(decimal Mrr);
