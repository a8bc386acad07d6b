using Contracts.Identity;
using FluentValidation;
using Modules.Upwork.Integrations.UpworkApi;
using Modules.Upwork.Proposals;
using Shared.Jobs;

namespace Modules.Upwork.Features.TrackProposals;

/// <summary>The proposal pipeline: list, show, create, change, screening questions, submit, delete.</summary>
internal static class TrackProposalsEndpoints
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddTrackProposals(this IServiceCollection services)
    {
        services.AddTransient<ManageProposals>().AddTransient<IValidator<ProposalInput>, ProposalInputValidator>().AddTransient<IValidator<ProposalListQuery>, ProposalListQueryValidator>();
        services.AddTransient<RemindFollowUps>().AddTransient<SyncProposalStatuses>().AddTransient<SubmitProposal>().AddTransient<ScreeningQuestions>().AddTransient<AnnounceProposalMoves>();
        services.AddTransient<ITrackJobs, TrackJobs>();
        services.AddMcpServer().WithTools<TrackProposalsTools>();
        services.AddRecurringJob<RemindFollowUpsJob>(RemindFollowUpsJob.Key, TimeSpan.FromMinutes(1));
        services.AddRecurringJob<SyncProposalStatusesJob>(SyncProposalStatusesJob.Key, TimeSpan.FromMinutes(30));
        return services;
    }

    public static RouteGroupBuilder MapTrackProposals(this RouteGroupBuilder api)
    {
        api.MapGet("/proposals", async ([AsParameters] ProposalListQuery query, HttpContext http, ManageProposals proposals, CancellationToken ct) =>
                ApiResults.Ok(await proposals.ListAsync(UserIds.Require(http), query.Status, ct, query.Limit ?? ProposalListQuery.MaxLimit, query.Offset ?? 0)))
           .Validate<ProposalListQuery>()
           .RequireScope(AccessScopes.ProposalsRead).WithSummary("Your proposals, most recently changed first, optionally one status; limit (1-500, default 500) and offset page them");
        api.MapGet("/proposals/{id:guid}", async (Guid id, HttpContext http, ManageProposals proposals, CancellationToken ct) =>
                await proposals.GetAsync(UserIds.Require(http), id, ct) is { } p ? (IResult)ApiResults.Ok(p) : ApiResults.NotFound($"Proposal {id} was not found"))
           .RequireScope(AccessScopes.ProposalsRead).WithSummary("One proposal with its status history");
        api.MapPost("/proposals", async (ProposalInput input, HttpContext http, ManageProposals proposals, CancellationToken ct) =>
            {
                var outcome = await proposals.CreateAsync(UserIds.Require(http), input, ct);
                if (outcome.Blocked is { } blocked) return (IResult)ApiResults.Error(StatusCodes.Status409Conflict, blocked, [new ApiFieldError("jobPostingId", blocked)]);
                return outcome.JobNotFound
                    ? ApiResults.ValidationFailed([new ApiFieldError("jobPostingId", $"job posting {input.JobPostingId} was not found")])
                    : ApiResults.Created(outcome.Proposal!);
            })
           .Validate<ProposalInput>()
           .WithSummary("Creates a proposal (a draft unless a status is given) for a job you can see, and claims the job for you (409 when a teammate holds it)");
        api.MapPut("/proposals/{id:guid}", async (Guid id, ProposalInput input, HttpContext http, ManageProposals proposals, CancellationToken ct) =>
            {
                var outcome = await proposals.UpdateAsync(UserIds.Require(http), id, input, ct);
                if (outcome.Missing) return (IResult)ApiResults.NotFound($"Proposal {id} was not found");
                return outcome.Error is { } error ? ApiResults.ValidationFailed([new ApiFieldError("status", error)]) : ApiResults.Ok(outcome.Proposal!);
            })
           .Validate<ProposalInput>()
           .RequireScope(AccessScopes.ProposalsWrite).WithSummary("Changes a proposal; a status change must follow the pipeline and is kept in its history");
        api.MapGet("/proposals/{id:guid}/screening-questions", async (Guid id, HttpContext http, ScreeningQuestions screening, CancellationToken ct) =>
            {
                var (questions, failure) = await screening.LoadAsync(UserIds.Require(http), id, ct);
                return questions is not null ? (IResult)ApiResults.Ok(questions) : failure!.ToResult(http);
            })
           .WithSummary("The job's screening questions, read live from Upwork, with draft answers from the offline writer (your proposal only)");
        api.MapPost("/proposals/{id:guid}/submit", async (Guid id, SubmitRequest request, HttpContext http, SubmitProposal submit, Reviews.ReviewGate reviews, CancellationToken ct) =>
            {
                // A reviewer may submit a teammate's approved letter (docs/features.md, "Approval queue"): as the owner's proposal.
                var caller = UserIds.Require(http);
                var owner = await reviews.SubmitterForAsync(caller, http.User.Allows(Permissions.Review), id, ct);
                var outcome = await submit.RunAsync(owner, id, request, ct);
                if (outcome.Status == 200) await reviews.RecordReviewerSubmitAsync(caller, owner, id, ct);
                UpworkFailure.SetRetryAfter(http, outcome.RetryAfter);
                return outcome switch
                {
                    { Status: 200 } => (IResult)ApiResults.Ok(outcome.Proposal!, outcome.Message),
                    { Status: 400 } => ApiResults.ValidationFailed([new ApiFieldError(outcome.Field!, outcome.Message)]),
                    { Status: 404 } => ApiResults.NotFound($"Proposal {id} was not found"),
                    _ => ApiResults.Error(outcome.Status, outcome.Message),
                };
            })
           .WithSummary("Submits a draft through Upwork with answers to the job's screening questions (needs confirm: true; spends Connects; claimed once, never retried; daily cap; audited); a bidder whose letters need review submits only an approved letter, and a reviewer may submit a teammate's approved one");
        api.MapDelete("/proposals/{id:guid}", async (Guid id, HttpContext http, ManageProposals proposals, CancellationToken ct) =>
                await proposals.DeleteAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { deleted = true }) : ApiResults.NotFound($"Proposal {id} was not found"))
           .WithSummary("Deletes a proposal and its history");
        return api;
    }
}
