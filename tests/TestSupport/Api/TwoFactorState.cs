namespace TestSupport.Api;

/// <summary>Whether two-factor is on.</summary>
public sealed record TwoFactorState(bool Enabled);
