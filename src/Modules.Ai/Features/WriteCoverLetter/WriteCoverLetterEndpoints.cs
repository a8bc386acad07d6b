using System.Net.ServerSentEvents;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Writing;

namespace Modules.Ai.Features.WriteCoverLetter;

internal static class WriteCoverLetterEndpoints
{
    public static RouteGroupBuilder MapWriteCoverLetter(this RouteGroupBuilder api)
    {
        api.MapPost("/generate-cover-letter", async (LetterRequest request, HttpContext http, LetterPreparation preparation, WriteCoverLetter writer, CancellationToken ct) =>
            {
                var userId = UserIds.Require(http);
                return (IResult)ApiResults.Ok(await preparation.FindRepeatAsync(userId, request, ct) is { } repeat
                    ? await writer.RunAsync(repeat, ct)
                    : await writer.RunAsync(await preparation.PrepareAsync(userId, request, ct), ct));
            })
           .Validate<LetterRequest>()
           .RequireScope(AccessScopes.AiWrite).WithSummary("Writes a cover letter for a stored job (jobPostingId) or an inline one, and returns it with provider, cost and quality");

        // A refusal is answered before the stream starts (LetterPreparation), as a plain error.
        api.MapPost("/generate-cover-letter/stream", async (LetterRequest request, HttpContext http, LetterPreparation preparation, WriteCoverLetter writer, CancellationToken ct) =>
            {
                var userId = UserIds.Require(http);
                return (IResult)TypedResults.ServerSentEvents(Events(await preparation.FindRepeatAsync(userId, request, ct) is { } repeat
                    ? writer.StreamAsync(repeat, ct)
                    : writer.StreamAsync(await preparation.PrepareAsync(userId, request, ct), ct)));
            })
           .Validate<LetterRequest>()
           .RequireScope(AccessScopes.AiWrite).WithSummary("The same, streamed as server-sent events: ai_provider, ai_progress (text pieces), ai_restart, ai_complete");

        // The draft the writer page keeps as you type (LetterDraftKeeper), for API clients and for checking that a
        // crash keeps it (tests/faults/run.sh). Keyed by the user: nobody reads or writes another's.
        api.MapGet("/drafts/{jobPostingId:guid}", async (Guid jobPostingId, HttpContext http, LetterDrafts drafts, CancellationToken ct) =>
                await drafts.GetAsync(UserIds.Require(http), jobPostingId, ct) is { } d
                    ? (IResult)ApiResults.Ok(new LetterDraftDto(d.JobPostingId, d.Text, d.UpdatedAt))
                    : ApiResults.NotFound("No draft for this job"))
           .RequireScope(AccessScopes.ProposalsRead).WithSummary("The letter you are editing for a job (kept as you type), or 404");
        api.MapPut("/drafts/{jobPostingId:guid}", async (Guid jobPostingId, LetterDraftInput input, HttpContext http, LetterDrafts drafts, IJobClaims claims, CancellationToken ct) =>
            {
                if (await claims.BlockingAsync(UserIds.Require(http), jobPostingId, ct) is { } blocked)
                    return (IResult)ApiResults.Error(StatusCodes.Status409Conflict, blocked, [new ApiFieldError("jobPostingId", blocked)]);
                if (input.Text is { Length: > LetterDrafts.MaxLength })
                    return (IResult)ApiResults.Error(StatusCodes.Status400BadRequest, "Validation failed: text is too long",
                        [new ApiFieldError("text", $"text must be at most {LetterDrafts.MaxLength} characters")]);
                await drafts.SaveAsync(UserIds.Require(http), jobPostingId, input.Text, ct);
                return ApiResults.Ok(new { jobPostingId, saved = !string.IsNullOrWhiteSpace(input.Text) });
            })
           .RequireScope(AccessScopes.ProposalsWrite).WithSummary("Keeps the letter you are editing for a job; blank text forgets it");
        return api;
    }

    private static async IAsyncEnumerable<SseItem<object>> Events(IAsyncEnumerable<LetterEvent> events)
    {
        await foreach (var e in events)
        {
            yield return e switch
            {
                LetterTrying t => new SseItem<object>(t, "ai_provider"),
                LetterDelta d => new SseItem<object>(d, "ai_progress"),
                LetterRestarted r => new SseItem<object>(r, "ai_restart"),
                LetterCompleted c => new SseItem<object>(c.Result, "ai_complete"),
                _ => new SseItem<object>(e, e.Type),
            };
        }
    }
}

/// <summary>A letter being edited for a job.</summary>
internal sealed record LetterDraftDto(Guid JobPostingId, string Text, DateTimeOffset UpdatedAt);

/// <summary>The body of <c>PUT /api/v1/ai/drafts/{jobPostingId}</c>.</summary>
internal sealed record LetterDraftInput(string? Text);
