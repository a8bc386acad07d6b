using Contracts.Identity;
using FluentValidation;
using Shared.Events;

namespace Modules.Upwork.Features.ReviewProposals;

/// <summary>
/// The approval queue (docs/features.md, "Approval queue"): a bidder sends a draft for review and follows it; reviewers
/// list, read and decide; admins say whose letters need review. A reviewer submits an approved letter through
/// <c>POST upwork/proposals/{id}/submit</c>, the same human-confirmed route a bidder uses.
/// </summary>
internal static class ReviewProposalsEndpoints
{
    /// <summary>Registers the slice's handlers, validators and background work.</summary>
    public static IServiceCollection AddReviewProposals(this IServiceCollection services)
    {
        services.AddTransient<ReviewQueue>().AddTransient<IValidator<SendForReview>, SendForReviewValidator>().AddTransient<IValidator<ReviewDecision>, ReviewDecisionValidator>();
        services.AddEventHandler<Contracts.Upwork.Events.ProposalsChanged, MarkReviewSent>();
        return services;
    }

    public static RouteGroupBuilder MapReviewProposals(this RouteGroupBuilder api)
    {
        api.MapPost("/proposals/{id:guid}/review", async (Guid id, SendForReview input, HttpContext http, ReviewQueue queue, CancellationToken ct) =>
                Answer(await queue.SendAsync(UserIds.Require(http), id, input, ct), $"Proposal {id} was not found", "Sent for review"))
           .Validate<SendForReview>()
           .WithSummary("Puts your draft (its letter, or the one given, with screening answers and the quality report) in the team's review queue");
        api.MapGet("/reviews/mine", async (HttpContext http, ReviewQueue queue, CancellationToken ct) =>
                ApiResults.Ok(await queue.MineAsync(UserIds.Require(http), ct)))
           .WithSummary("Your letters in review, with each decision and comment");
        api.MapGet("/reviews", async (string? state, ReviewQueue queue, CancellationToken ct) =>
                ApiResults.Ok(await queue.ListAsync(state, ct)))
           .RequireAuthorization(Permissions.Review)
           .WithSummary("The team's review queue: waiting letters oldest first, then the latest decisions (state: waiting, approved, returned, submitted)");
        api.MapGet("/reviews/{id:guid}", async (Guid id, ReviewQueue queue, CancellationToken ct) =>
                await queue.GetAsync(id, ct) is { } detail ? (IResult)ApiResults.Ok(detail) : ApiResults.NotFound($"Review {id} was not found"))
           .RequireAuthorization(Permissions.Review)
           .WithSummary("One letter in review: the job, the letter, its quality report, screening answers, the bidder's profile and the proposal's history");
        api.MapPost("/reviews/{id:guid}/approve", async (Guid id, ReviewDecision decision, HttpContext http, ReviewQueue queue, CancellationToken ct) =>
                Answer(await queue.ApproveAsync(UserIds.Require(http), id, decision, ct), $"Review {id} was not found", "Approved"))
           .Validate<ReviewDecision>().RequireAuthorization(Permissions.Review)
           .WithSummary("Approves a waiting letter, with your edit when coverLetter is given (409 when another reviewer decided first)");
        api.MapPost("/reviews/{id:guid}/return", async (Guid id, ReviewDecision decision, HttpContext http, ReviewQueue queue, CancellationToken ct) =>
                Answer(await queue.ReturnAsync(UserIds.Require(http), id, decision, ct), $"Review {id} was not found", "Returned to the bidder"))
           .Validate<ReviewDecision>().RequireAuthorization(Permissions.Review)
           .WithSummary("Returns a waiting letter to its bidder with a comment (required)");
        api.MapGet("/review-settings", async (ReviewQueue queue, CancellationToken ct) => ApiResults.Ok(await queue.SettingsAsync(ct)))
           .RequireAuthorization(Permissions.Admin)
           .WithSummary("Whether every bidder's letters need review, and which bidders' do one by one");
        api.MapPut("/review-settings", async (ReviewRequirementInput input, HttpContext http, ReviewQueue queue, CancellationToken ct) =>
                await queue.SetRequiredAsync(UserIds.Require(http), input.BidderId, input.Required, ct)
                    ? (IResult)ApiResults.Ok(await queue.SettingsAsync(ct))
                    : ApiResults.ValidationFailed([new ApiFieldError("bidderId", $"member {input.BidderId} was not found")]))
           .RequireAuthorization(Permissions.Admin)
           .WithSummary("Requires review (or stops requiring it) for every bidder (no bidderId) or one bidder; audited");
        return api;
    }

    private static IResult Answer(ReviewOutcome outcome, string notFound, string done) => outcome.Status switch
    {
        200 => ApiResults.Ok(new { reviewId = outcome.ReviewId }, done),
        400 => ApiResults.ValidationFailed([new ApiFieldError(outcome.Field!, outcome.Message)]),
        404 => ApiResults.NotFound(notFound),
        _ => ApiResults.Error(outcome.Status, outcome.Message),
    };
}
