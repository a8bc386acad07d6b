using Contracts.Identity;
using Modules.Upwork.Claims;

namespace Modules.Upwork.Features.ClaimJobs;

/// <summary>Claiming a job so two teammates never bid on it: claim, release, ask to take over, hand over, and a reviewer's reassignment.</summary>
internal static class ClaimJobsEndpoints
{
    public static RouteGroupBuilder MapClaimJobs(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs/{id:guid}/claim", async (Guid id, HttpContext http, JobClaims claims, CancellationToken ct) =>
                ApiResults.Ok(new { claim = await claims.GetAsync(UserIds.Require(http), id, ct) }))
           .WithSummary("Who has claimed the job and since when (claim: null when nobody holds a live claim)");
        api.MapPost("/jobs/{id:guid}/claim", async (Guid id, HttpContext http, JobClaims claims, CancellationToken ct) =>
                Answer(await claims.ClaimAsync(UserIds.Require(http), id, ct), id))
           .WithSummary("Claims the job for you; 409 naming who holds it when a teammate's claim is live (it lapses after Upwork:Claims:ExpiryMinutes without a draft)");
        api.MapDelete("/jobs/{id:guid}/claim", async (Guid id, HttpContext http, JobClaims claims, CancellationToken ct) =>
                await claims.ReleaseAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { released = true }) : ApiResults.NotFound($"You hold no claim on job {id}"))
           .WithSummary("Gives up your claim on the job");
        api.MapPost("/jobs/{id:guid}/claim/takeover-request", async (Guid id, HttpContext http, JobClaims claims, CancellationToken ct) =>
                await claims.RequestTakeoverAsync(UserIds.Require(http), id, ct) is { Found: true } outcome
                    ? (IResult)ApiResults.Ok(new { claim = outcome.Claim }, "Asked to take the job over")
                    : ApiResults.NotFound($"Nobody holds a claim on job {id}"))
           .WithSummary("Asks the teammate who holds the claim to hand the job over to you");
        api.MapPost("/jobs/{id:guid}/claim/hand-over", async (Guid id, HttpContext http, JobClaims claims, CancellationToken ct) =>
                Answer(await claims.HandOverAsync(UserIds.Require(http), id, ct), id))
           .WithSummary("Hands your claim to the teammate who asked to take it over");
        api.MapPut("/jobs/{id:guid}/claim", async (Guid id, ReassignClaim request, HttpContext http, JobClaims claims, CancellationToken ct) =>
                Answer(await claims.ReassignAsync(UserIds.Require(http), id, request.UserId, ct), id))
           .RequireAuthorization(Permissions.Review)
           .WithSummary("Reassigns the job's claim to a teammate (reviewers and admins)");
        return api;
    }

    private static IResult Answer(ClaimOutcome outcome, Guid id) => outcome switch
    {
        { Found: false } => (IResult)ApiResults.NotFound($"Job posting {id} was not found"),
        { Won: true } => ApiResults.Ok(new { claim = outcome.Claim }),
        _ => ApiResults.Error(StatusCodes.Status409Conflict, outcome.Claim is { } c ? $"Claimed by {c.ClaimedBy}" : "Another teammate claimed this job first"),
    };
}

/// <summary>The body of a reviewer's reassignment.</summary>
internal sealed record ReassignClaim(Guid UserId);
