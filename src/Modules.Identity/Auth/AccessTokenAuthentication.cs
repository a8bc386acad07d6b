using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace Modules.Identity.Auth;

/// <summary>
/// The bearer scheme for personal access tokens (<c>Authorization: Bearer uat_…</c>): the principal is the token's
/// owner, carrying the token id, one claim per scope (<see cref="TokenScopes"/>) and the owner's roles, so the role's
/// permissions bound what a token may do; admin routes stay closed to tokens because they take no scope.
/// </summary>
internal sealed class AccessTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PersonalAccessTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "access-token";

    /// <summary>True when the request carries a personal access token.</summary>
    public static bool Carries(HttpContext http) =>
        http.Request.Headers.Authorization.ToString() is var header
        && header.StartsWith("Bearer " + PersonalAccessTokens.SecretPrefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Carries(Context)) return AuthenticateResult.NoResult();
        var secret = Context.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var token = await tokens.AuthenticateAsync(secret, Context.Connection.RemoteIpAddress?.ToString(), Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("The access token is unknown, revoked or expired");
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, token.UserId.ToString()),
            new(TokenScopes.TokenClaim, token.TokenId.ToString()),
            .. token.Scopes.Select(s => new Claim(TokenScopes.ScopeClaim, s)),
            .. token.Roles.Select(r => new Claim(ClaimTypes.Role, r)),
        ];
        if (token.Email is { } email) claims.Add(new Claim(ClaimTypes.Name, email));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}
