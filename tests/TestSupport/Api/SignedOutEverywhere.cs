namespace TestSupport.Api;

/// <summary>What signing out everywhere answers: how many sessions it ended.</summary>
public sealed record SignedOutEverywhere(int SessionsEnded);
