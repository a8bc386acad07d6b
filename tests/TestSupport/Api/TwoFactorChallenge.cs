namespace TestSupport.Api;

/// <summary>A sign-in that needs the second factor: its status and the challenge to answer.</summary>
public sealed record TwoFactorChallenge(string Status, string ChallengeToken);
