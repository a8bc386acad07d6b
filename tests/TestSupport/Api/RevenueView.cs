namespace TestSupport.Api;

/// <summary>The revenue report's total (USD).</summary>
public sealed record RevenueView(decimal Total);
