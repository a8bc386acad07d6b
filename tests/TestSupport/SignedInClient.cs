namespace TestSupport;

/// <summary>An HTTP client signed in through the API, with the credentials and tokens it got.</summary>
public sealed record SignedInClient(HttpClient Http, string Email, string Password, string AccessToken, string RefreshToken, Guid UserId)
{
    public const string DefaultPassword = "Str0ng!Passw0rd";
}
