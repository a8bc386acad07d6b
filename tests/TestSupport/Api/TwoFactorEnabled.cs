namespace TestSupport.Api;

/// <summary>Two-factor turned on: the recovery codes, shown once.</summary>
public sealed record TwoFactorEnabled(IReadOnlyList<string> RecoveryCodes);
