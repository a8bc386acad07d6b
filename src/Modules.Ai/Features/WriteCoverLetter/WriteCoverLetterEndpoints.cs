using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Modules.Ai.Writing;

namespace Modules.Ai.Features.WriteCoverLetter;

internal static class WriteCoverLetterEndpoints
{
    public static RouteGroupBuilder MapWriteCoverLetter(this RouteGroupBuilder api)
    {
        api.MapPost("/generate-cover-letter", async (LetterRequest request, HttpContext http, LetterPreparation preparation, WriteCoverLetter writer, CancellationToken ct) =>
                (IResult)ApiResults.Ok(await writer.RunAsync(await preparation.PrepareAsync(UserIds.Require(http), request, ct), ct)))
           .Validate<LetterRequest>()
           .WithSummary("Writes a cover letter for a stored job (jobPostingId) or an inline one, and returns it with provider, cost and quality");

        // A refusal is answered before the stream starts (LetterPreparation), as a plain error.
        api.MapPost("/generate-cover-letter/stream", async (LetterRequest request, HttpContext http, LetterPreparation preparation, WriteCoverLetter writer, CancellationToken ct) =>
                (IResult)TypedResults.ServerSentEvents(Events(writer, await preparation.PrepareAsync(UserIds.Require(http), request, ct), ct)))
           .Validate<LetterRequest>()
           .WithSummary("The same, streamed as server-sent events: ai_provider, ai_progress (text pieces), ai_restart, ai_complete");
        return api;
    }

    private static async IAsyncEnumerable<SseItem<object>> Events(WriteCoverLetter writer, PreparedLetter job, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in writer.StreamAsync(job, ct))
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
