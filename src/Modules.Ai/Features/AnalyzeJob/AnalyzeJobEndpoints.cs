using Contracts.Identity;
using Modules.Ai.Models;
using Modules.Ai.Scoring;

namespace Modules.Ai.Features.AnalyzeJob;

internal static class AnalyzeJobEndpoints
{
    public static RouteGroupBuilder MapAnalyzeJob(this RouteGroupBuilder api)
    {
        api.MapPost("/analyze-job", async (AnalyzeRequest request, HttpContext http, AnalyzeJobPosting analyze, CancellationToken ct) =>
                (IResult)ApiResults.Ok(await analyze.RunAsync(UserIds.Require(http), request, ct)))
           .Validate<AnalyzeRequest>()
           .RequireScope(AccessScopes.AiWrite).WithSummary("The job analysis of the original specification, computed offline: difficulty, competition, budget, skills match, complexity, client, bid range, success chance, fit — each with a reason");
        api.MapPost("/smart-filter", async (SmartFilterRequest request, HttpContext http, AnalyzeJobPosting analyze, CancellationToken ct) =>
            {
                var ranked = await analyze.RankAsync(UserIds.Require(http), request, ct);
                return (IResult)ApiResults.Ok(ranked.Select(r => new { jobPostingId = r.Job.Id, r.Job.Title, fitScore = r.Analysis.FitScore.Value, reasons = r.TopReasons, analysis = r.Analysis }));
            })
           .Validate<SmartFilterRequest>()
           .WithSummary("Ranks jobs (yours to see; default the 100 newest) by fit for a profile, with the top reasons");
        return api;
    }
}
