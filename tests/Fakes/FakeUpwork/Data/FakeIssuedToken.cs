namespace FakeUpwork;

/// <summary>Kind of an issued token.</summary>
public enum FakeTokenKind
{
    /// <summary>An access token (24 h).</summary>
    Access,

    /// <summary>A refresh token (14 days; cut to 24 h once rotated).</summary>
    Refresh,
}

/// <summary>A snapshot of an access or refresh token the fake issued.</summary>
/// <param name="Token">The token string ("oauth2v2_" + 32 hex).</param>
/// <param name="Kind">Access or refresh.</param>
/// <param name="ClientId">The client it was issued to.</param>
/// <param name="UserId">The user it acts for.</param>
/// <param name="IssuedAt">Issue time (fake clock).</param>
/// <param name="ExpiresAt">Expiry (fake clock).</param>
/// <param name="Revoked">Whether it was revoked.</param>
/// <param name="Grant">The grant that produced it (authorization_code, refresh_token, client_credentials, implicit).</param>
public sealed record FakeIssuedToken(
    string Token,
    FakeTokenKind Kind,
    string ClientId,
    string UserId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    bool Revoked,
    string Grant);
