using Contracts.Identity;
using Modules.Upwork.Connections;

namespace Modules.Upwork.Features.ShareConnection;

/// <summary>Admin only: sharing the Upwork connection with teammates.</summary>
internal static class ShareConnectionEndpoints
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddShareConnection(this IServiceCollection services)
    {
        services.AddTransient<ShareConnection>().AddTransient<IConnectionShares, ShareConnection>();
        return services;
    }

    public static RouteGroupBuilder MapShareConnection(this RouteGroupBuilder api)
    {
        api.MapGet("/connection/shares", async (HttpContext http, ShareConnection shares, CancellationToken ct) =>
                ApiResults.Ok(await shares.ListAsync(UserIds.Require(http), ct)))
           .RequireAuthorization(Permissions.Admin)
           .WithSummary("Admin only: the teammates your Upwork connection is shared with, and the members you could share it with");
        api.MapPut("/connection/shares/{memberId:guid}", async (Guid memberId, HttpContext http, ShareConnection shares, CancellationToken ct) =>
                await shares.ShareAsync(UserIds.Require(http), memberId, ct) switch
                {
                    { Result: ShareResult.Shared, Share: { } s } => (IResult)ApiResults.Created(s, "Connection shared"),
                    { Result: ShareResult.AlreadyShared, Share: { } s } => ApiResults.Ok(s, "Already shared"),
                    { Result: ShareResult.MemberNotFound } o => ApiResults.NotFound(o.Error!),
                    { Result: ShareResult.OwnConnection } o => ApiResults.ValidationFailed([new ApiFieldError("memberId", o.Error!)]),
                    var o => ApiResults.Error(StatusCodes.Status409Conflict, o.Error!),   // NotConnected
                })
           .RequireAuthorization(Permissions.Admin)
           .WithSummary("Admin only: shares your Upwork connection with a teammate, who then sees every job it fetched (audited)");
        api.MapDelete("/connection/shares/{memberId:guid}", async (Guid memberId, HttpContext http, ShareConnection shares, CancellationToken ct) =>
                await shares.RevokeAsync(UserIds.Require(http), memberId, ct)
                    ? (IResult)ApiResults.Ok(new { revoked = true }, "No longer shared")
                    : ApiResults.NotFound($"Your connection is not shared with {memberId}"))
           .RequireAuthorization(Permissions.Admin)
           .WithSummary("Admin only: stops sharing your Upwork connection with a teammate; they no longer see its jobs (audited)");
        return api;
    }
}
