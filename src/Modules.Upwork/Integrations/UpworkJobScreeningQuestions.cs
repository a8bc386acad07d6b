using Contracts.Upwork;
using Modules.Upwork.Data;
using Modules.Upwork.Features.TrackProposals;
using Modules.Upwork.Integrations.UpworkApi;
using Modules.Upwork.Postings;

namespace Modules.Upwork.Integrations;

/// <summary>
/// The module's side of <see cref="IJobScreeningQuestions"/>: the job's questions read live from Upwork (one call, in
/// the jobs budget, logged as "Write page opened") for an Upwork job the user may see. Anything
/// that stops the read (no connection, paused, a budget spent, Upwork down, the job gone) answers "no questions": the writer works without.
/// </summary>
internal sealed class UpworkJobScreeningQuestions(IDbContextFactory<AppDbContext> contexts, ScreeningQuestions screening, ILogger<UpworkJobScreeningQuestions> log)
    : IJobScreeningQuestions
{
    public async Task<IReadOnlyList<string>> ForJobAsync(Guid userId, Guid jobPostingId, CancellationToken ct)
    {
        string? upworkJobId;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            upworkJobId = await db.JobPostings().AsNoTracking().Where(j => j.Id == jobPostingId).VisibleTo(db, userId).Select(j => j.UpworkJobId).FirstOrDefaultAsync(ct);
            if (upworkJobId is null || !ScreeningQuestions.IsUpworkId(upworkJobId)) return [];
        }
        try
        {
            var live = await screening.ReadAsync(userId, upworkJobId, UpworkRequest.JobsCategory, ct, "Write page opened (screening questions)");
            return live.Questions.Select(q => q.Question).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogInformation("The screening questions of job {JobPostingId} could not be read for the writer: {Error}", jobPostingId, ex.Message);
            return [];
        }
    }
}
