using FluentValidation;
namespace Modules.Identity.Features.ManageAccessTokens;

/// <summary><c>/api/v1/identity/access-tokens</c> and the admin's <c>/api/v1/identity/admin/access-tokens</c>.</summary>
internal static class ManageAccessTokensEndpoints
{
    /// <summary>Registers the slice's handlers and validators.</summary>
    public static IServiceCollection AddManageAccessTokens(this IServiceCollection services)
    {
        services.AddTransient<ManageAccessTokens>().AddTransient<IValidator<NewAccessToken>, NewAccessTokenValidator>();
        return services;
    }

    public static RouteGroupBuilder MapManageAccessTokens(this RouteGroupBuilder api)
    {
        api.MapGet("/access-tokens", async (HttpContext http, ManageAccessTokens tokens, CancellationToken ct) =>
                ApiResults.Ok(await tokens.ListAsync(UserIds.Require(http), allUsers: false, ct)))
            .WithSummary("Your personal access tokens (never their secrets), with last use, address and scopes");
        api.MapPost("/access-tokens", async (NewAccessToken input, HttpContext http, ManageAccessTokens tokens, CancellationToken ct) =>
            {
                var (token, error) = await tokens.CreateAsync(UserIds.Require(http), input, http, ct);
                return token is not null ? (IResult)ApiResults.Created(token) : ApiResults.Error(StatusCodes.Status400BadRequest, error!);
            })
            .Validate<NewAccessToken>().OwnAccount()
            .WithSummary("Creates a personal access token for scripts and AI agents (MCP); the token is shown in this answer only");
        api.MapDelete("/access-tokens/{id:guid}", (Guid id, HttpContext http, ManageAccessTokens tokens, CancellationToken ct) => RevokeAsync(id, asAdmin: false, http, tokens, ct))
            .OwnAccount().WithSummary("Revokes one of your personal access tokens at once");
        return api;
    }

    public static RouteGroupBuilder MapAdminAccessTokens(this RouteGroupBuilder admin)
    {
        admin.MapGet("/access-tokens", async (HttpContext http, ManageAccessTokens tokens, CancellationToken ct) =>
                ApiResults.Ok(await tokens.ListAsync(UserIds.Require(http), allUsers: true, ct)))
            .WithSummary("Every member's personal access tokens (admins only)");
        admin.MapDelete("/access-tokens/{id:guid}", (Guid id, HttpContext http, ManageAccessTokens tokens, CancellationToken ct) => RevokeAsync(id, asAdmin: true, http, tokens, ct))
            .WithSummary("Revokes any member's personal access token (admins only)");
        return admin;
    }

    // Someone else's token id answers like a missing one (an admin may revoke any member's).
    private static async Task<IResult> RevokeAsync(Guid id, bool asAdmin, HttpContext http, ManageAccessTokens tokens, CancellationToken ct) =>
        await tokens.RevokeAsync(UserIds.Require(http), id, asAdmin, http, ct)
            ? (IResult)ApiResults.Ok(new { revoked = id }, "Token revoked")
            : ApiResults.NotFound($"Access token {id} was not found");
}
