using Contracts.Identity;
using Modules.Identity.Auth;

namespace Modules.Identity.Features.ManageApiKeys;

internal static class ManageApiKeysEndpoints
{
    public static RouteGroupBuilder MapManageApiKeys(this RouteGroupBuilder identity)
    {
        identity.MapGet("/keys", async (HttpContext http, ManageApiKeys keys, CancellationToken ct) => ApiResults.Ok(await keys.ListAsync(UserIds.Require(http), ct)))
            .WithSummary("Your AI keys and the workspace's, masked");
        identity.MapPost("/keys", async (NewApiKey request, HttpContext http, ManageApiKeys keys, CancellationToken ct) =>
                request.Scope == ManageApiKeys.WorkspaceScope && !http.User.IsInRole(Roles.Admin)
                    ? ApiResults.Error(StatusCodes.Status403Forbidden, "Only a workspace admin can set workspace keys")
                    : (IResult)ApiResults.Created(await keys.AddAsync(UserIds.Require(http), request, http, ct), "Key saved"))
            .Validate<NewApiKey>().WithSummary("Stores an AI key encrypted (AES-256-GCM); it is never shown again").OwnAccount();
        identity.MapDelete("/keys/{id:guid}", async (Guid id, HttpContext http, ManageApiKeys keys, CancellationToken ct) =>
                await keys.DeleteAsync(UserIds.Require(http), http.User.IsInRole(Roles.Admin), id, http, ct)
                    ? (IResult)ApiResults.Ok(new { deleted = id }, "Key deleted") : ApiResults.NotFound($"Key {id} was not found"))
            .WithSummary("Deletes one of your keys (admins: or a workspace key)").OwnAccount();
        identity.MapPost("/keys/{id:guid}/test", async (Guid id, HttpContext http, ManageApiKeys keys, CancellationToken ct) =>
                await keys.TestAsync(UserIds.Require(http), id, ct) is { } result
                    ? (IResult)ApiResults.Ok(new { ok = result.Ok, message = result.Message, models = result.ModelCount }, result.Message)
                    : ApiResults.NotFound($"Key {id} was not found"))
            .RequireRateLimiting(AuthenticationSetup.AuthRateLimit)
            .WithSummary("Tests one of your keys (or a workspace key) by listing the provider's models; answers ok or the provider's reason").OwnAccount();
        return identity;
    }
}
