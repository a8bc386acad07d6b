using Contracts.Identity;
using Contracts.Upwork;
using Modules.Upwork.RedFlags;

namespace Modules.Upwork.Features.ShowRedFlags;

/// <summary>
/// <c>GET /api/v1/upwork/jobs/{id}/red-flags</c>: a job's red flags with reasons (docs/red-flags.md);
/// <c>PUT</c>/<c>DELETE …/red-flags/{code}/dismissal</c>: dismiss or restore one for the job's client. A job the caller
/// may not see is 404, as everywhere.
/// </summary>
internal static class RedFlagsEndpoints
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddShowRedFlags(this IServiceCollection services)
    {
        services.AddMcpServer().WithTools<RedFlagsTools>();
        return services;
    }

    public static RouteGroupBuilder MapRedFlags(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs/{id:guid}/red-flags", async (Guid id, HttpContext http, JobRedFlags flags, CancellationToken ct) =>
                await flags.ForJobAsync(UserIds.Require(http), id, ct) is { } found ? (IResult)ApiResults.Ok(found) : ApiResults.NotFound($"Job posting {id} was not found"))
           .RequireScope(AccessScopes.JobsRead).WithSummary("A job's client red flags, each with a severity and the reason, computed offline");
        api.MapPut("/jobs/{id:guid}/red-flags/{code}/dismissal", (Guid id, string code, HttpContext http, JobRedFlags flags, CancellationToken ct) =>
                DismissAsync(id, code, true, http, flags, ct))
           .WithSummary("Dismisses a red flag for the job's client (it stays listed, marked dismissed)");
        api.MapDelete("/jobs/{id:guid}/red-flags/{code}/dismissal", (Guid id, string code, HttpContext http, JobRedFlags flags, CancellationToken ct) =>
                DismissAsync(id, code, false, http, flags, ct))
           .WithSummary("Restores a dismissed red flag for the job's client");
        return api;
    }

    private static async Task<IResult> DismissAsync(Guid id, string code, bool dismiss, HttpContext http, JobRedFlags flags, CancellationToken ct)
    {
        if (!RedFlagCodes.All.Contains(code)) return ApiResults.ValidationFailed([new ApiFieldError("code", $"code must be one of {string.Join(", ", RedFlagCodes.All)}")]);
        var userId = UserIds.Require(http);
        if (!await flags.DismissAsync(userId, id, code, dismiss, ct)) return ApiResults.NotFound($"Job posting {id} was not found");
        return ApiResults.Ok(await flags.ForJobAsync(userId, id, ct));
    }
}
