using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Modules.Identity.Auth;

/// <summary>Issues HS256 access tokens and random refresh tokens (returned once, stored as a hash).</summary>
internal sealed class TokenIssuer(IOptions<AuthOptions> options, SigningCredentials credentials, TimeProvider time)
{
    public AccessToken IssueAccessToken(AppUser user, IEnumerable<string> roles, Guid sessionId)
    {
        var now = time.GetUtcNow();
        var expires = now.AddMinutes(options.Value.AccessTokenMinutes);
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
            new(JwtRegisteredClaimNames.Email, user.Email ?? ""),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(AuthClaims.SessionId, sessionId.ToString()),
        };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = credentials,
        });
        return new AccessToken(token, expires);
    }

    /// <summary>A new refresh token: 256 random bits, URL-safe.</summary>
    public static string NewRefreshToken() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is stored: the SHA-256 of the token, hex.</summary>
    public static string Hash(string refreshToken) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(refreshToken)));
}

internal sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);
