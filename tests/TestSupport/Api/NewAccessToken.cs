namespace TestSupport.Api;

/// <summary>A new personal access token: the secret, shown this once.</summary>
public sealed record NewAccessToken(Guid Id, string Name, string Token);
