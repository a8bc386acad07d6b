namespace TestSupport.Api;

/// <summary>One bar of a breakdown: proposals sent, won, and the win rate (null with nothing sent).</summary>
public sealed record Breakdown(string Label, int Sent, int Won, decimal? WinRate);
