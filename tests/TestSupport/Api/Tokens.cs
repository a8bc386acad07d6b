namespace TestSupport.Api;

/// <summary>What a sign-in, a refresh or a finished two-factor sign-in answers: the token pair.</summary>
public sealed record Tokens(string AccessToken, string RefreshToken);
