namespace TestSupport.Api;

/// <summary>What register and sign-in answer: the token pair, its type, and the account.</summary>
public sealed record SignedIn(string AccessToken, string RefreshToken, string TokenType, AccountProfile User);
