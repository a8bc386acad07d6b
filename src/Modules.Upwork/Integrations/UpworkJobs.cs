using System.Text.Json;
using Contracts.Upwork;
using Modules.Upwork.Data;
using Modules.Upwork.Features.BrowseJobPostings;
using Modules.Upwork.Features.TrackProposals;
using Modules.Upwork.Postings;

namespace Modules.Upwork.Integrations;

/// <summary>The module's side of <see cref="IUpworkJobs"/>: every read on a user's behalf checks they may see the job (<see cref="JobVisibility"/>).</summary>
internal sealed class UpworkJobs(IDbContextFactory<AppDbContext> contexts, BrowseJobPostings browse, JobPostingReader show) : IUpworkJobs
{
    public async Task<int> CountAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.JobPostings().VisibleTo(db, userId).CountAsync(ct);
    }

    public async Task<IReadOnlyList<JobPostingSummary>> NewestAsync(Guid userId, int count, CancellationToken ct) =>
        (await browse.RunAsync(new JobPostingQuery(null, Math.Clamp(count, 1, JobPostingQuery.MaxLimit), 0), userId, ct)).Items;

    public async Task<JobPostingDetails?> GetAsync(Guid userId, Guid jobPostingId, CancellationToken ct) =>
        await show.RunAsync(jobPostingId, userId, ct) is { } d ? From(d) : null;

    public async Task<IReadOnlyList<JobPostingDetails>> GetManyAsync(Guid userId, IReadOnlyCollection<Guid> jobPostingIds, CancellationToken ct)
    {
        if (jobPostingIds.Count == 0) return [];
        var ids = jobPostingIds.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.JobPostings().AsNoTracking()
            .Where(j => ids.Contains(j.Id)).VisibleTo(db, userId).ToListAsync(ct);
        return rows.Select(From).ToList();
    }

    public async Task<IReadOnlyList<JobPostingDetails>> SampleAsync(int count, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.JobPostings().AsNoTracking().Where(j => j.OwnerUserId == null)
            .OrderByDescending(j => j.PostedAt).Take(Math.Clamp(count, 1, 100_000)).ToListAsync(ct);
        return rows.Select(From).ToList();
    }

    private static JobPostingDetails From(JobPosting j) => From(new JobPostingDetail(
        new JobPostingSummary(j.Id, j.UpworkJobId, j.Title, j.JobType, j.BudgetMin, j.BudgetMax, j.Skills, j.PostedAt, j.Source, j.IsDemo),
        j.Description, j.Category, j.Subcategory, j.ExperienceLevel, j.ExpiresAt, j.Url, j.ProposalsCount,
        j.ClientInfo is null ? null : JsonSerializer.Deserialize<ClientInfo>(j.ClientInfo, JsonSerializerOptions.Web)));

    private static JobPostingDetails From(JobPostingDetail d)
    {
        var s = d.Summary;
        var c = d.Client;
        return new JobPostingDetails(s.Id, s.UpworkJobId, s.Title, d.Description ?? "", s.Skills, s.JobType, s.BudgetMin, s.BudgetMax,
            d.ExperienceLevel, d.Category, d.Subcategory, d.ProposalsCount, d.Url, s.CreatedAt,
            new JobClient(c?.PaymentVerified, c?.Country, c?.TotalHires, c?.TotalPostedJobs, c?.TotalReviews, c?.Rating, c?.TotalSpent), s.IsDemo);
    }
}

/// <summary>Drafts from the AI writer, and outcomes for the models that learn what wins.</summary>
internal sealed class UpworkProposals(IDbContextFactory<AppDbContext> contexts, ManageProposals manage) : IUpworkProposals
{
    private static readonly string[] Won = [ProposalStatuses.Hired, ProposalStatuses.Offered];

    public async Task<Guid?> SaveDraftAsync(Guid userId, Guid jobPostingId, string coverLetter, bool aiGenerated, CancellationToken ct,
        IReadOnlyList<ScreeningAnswerText>? screeningAnswers = null)
    {
        var id = await SaveLetterAsync(userId, jobPostingId, coverLetter, aiGenerated, ct);
        if (id is { } saved && screeningAnswers is not null)
        {
            var json = Submissions.SavedScreeningAnswers.Serialize(screeningAnswers);
            await using var db = await contexts.CreateDbContextAsync(ct);
            await db.Proposals().Where(p => p.Id == saved && p.UserId == userId).ExecuteUpdateAsync(u => u.SetProperty(p => p.ScreeningAnswers, json), ct);
        }
        return id;
    }

    private async Task<Guid?> SaveLetterAsync(Guid userId, Guid jobPostingId, string coverLetter, bool aiGenerated, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var draft = await db.Proposals().AsNoTracking()
                .Where(p => p.UserId == userId && p.JobPostingId == jobPostingId && p.Status == ProposalStatuses.Draft)
                .OrderByDescending(p => p.CreatedAt).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            if (draft is { } id)
            {
                var input = new ProposalInput(jobPostingId, coverLetter, null, null, null, null, aiGenerated, null, null, null);
                return (await manage.UpdateAsync(userId, id, input, ct)).Proposal?.Id ?? id;
            }
        }
        var (created, _) = await manage.CreateAsync(userId, new ProposalInput(jobPostingId, coverLetter, null, null, null, null, aiGenerated, null, null, null), ct);
        return created?.Id;
    }

    public async Task<IReadOnlyList<ProposalOutcome>> OutcomesAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Proposals().AsNoTracking()
            .Where(p => p.UserId == userId && p.Status != ProposalStatuses.Draft && p.Status != ProposalStatuses.Submitting && p.Status != ProposalStatuses.Unconfirmed)
            .Select(p => new { p.Id, p.JobPostingId, p.Status, p.SubmittedAt }).ToListAsync(ct);
        return rows.Select(p => new ProposalOutcome(p.Id, p.JobPostingId, p.Status, Won.Contains(p.Status), p.SubmittedAt)).ToList();
    }
}
