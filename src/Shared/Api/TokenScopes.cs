using System.Security.Claims;

namespace Shared.Api;

/// <summary>
/// Scopes of personal access tokens on routes: a token-authenticated request reaches only endpoints that say which scope
/// they need (<see cref="RequireScope{TBuilder}"/>) and only with that scope; every other endpoint answers 403 to a
/// token. Cookies and sign-in tokens are not affected. Scope names are <c>Contracts.Identity.AccessScopes</c>.
/// </summary>
public static class TokenScopes
{
    /// <summary>Claim holding the id of the personal access token a principal came from.</summary>
    public const string TokenClaim = "ua_pat";

    /// <summary>Claim holding one scope of that token (one claim per scope).</summary>
    public const string ScopeClaim = "ua_scope";

    /// <summary>True when the principal was authenticated by a personal access token.</summary>
    public static bool IsAccessToken(ClaimsPrincipal user) => user.HasClaim(c => c.Type == TokenClaim);

    /// <summary>True when the principal is not a token, or is a token holding <paramref name="scope"/>.</summary>
    public static bool Allows(ClaimsPrincipal user, string scope) =>
        !IsAccessToken(user) || user.HasClaim(ScopeClaim, scope);

    /// <summary>Lets personal access tokens holding <paramref name="scope"/> call the endpoint(s).</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TokenScopeMetadata(scope));

    /// <summary>Lets any personal access token reach the endpoint, which checks scopes itself (the MCP endpoint, per tool).</summary>
    public static TBuilder AllowAnyAccessToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TokenScopeMetadata(null));

    /// <summary>After authentication: refuses a token the endpoint does not admit.</summary>
    internal static Task MiddlewareAsync(HttpContext http, RequestDelegate next)
    {
        if (!IsAccessToken(http.User)) return next(http);
        var admitted = http.GetEndpoint()?.Metadata.GetOrderedMetadata<TokenScopeMetadata>() ?? [];
        if (admitted.Count == 0)
            return ApiEnvelope.WriteErrorAsync(http, StatusCodes.Status403Forbidden, "Access tokens cannot use this route: sign in to use it");
        if (admitted.Any(m => m.Scope is null || http.User.HasClaim(ScopeClaim, m.Scope))) return next(http);
        var needed = string.Join(" or ", admitted.Select(m => m.Scope).Distinct());
        return ApiEnvelope.WriteErrorAsync(http, StatusCodes.Status403Forbidden, $"This access token lacks the scope {needed}");
    }

    private sealed record TokenScopeMetadata(string? Scope);
}
