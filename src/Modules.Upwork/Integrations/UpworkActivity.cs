using System.Text.Json;
using Contracts.Upwork;
using Modules.Upwork.Data;

namespace Modules.Upwork.Integrations;

/// <summary>The module's side of <see cref="IUpworkActivity"/>: one user's rows, or the workspace's for an admin's team view.</summary>
internal sealed class UpworkActivity(IDbContextFactory<AppDbContext> contexts) : IUpworkActivity
{
    private static readonly string[] Replied = [ProposalStatuses.Interviewing, ProposalStatuses.Offered, ProposalStatuses.Hired];

    public async Task<IReadOnlyList<ProposalFact>> ProposalsAsync(Guid? userId, int max, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await FactsAsync(db, db.Proposals().AsNoTracking().Where(p => userId == null || p.UserId == userId).OrderByDescending(p => p.CreatedAt)
            .Take(Math.Clamp(max, 1, 200_000)), ct);
    }

    public async Task<IReadOnlyList<ProposalFact>> ProposalsByIdAsync(Guid userId, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await FactsAsync(db, db.Proposals().AsNoTracking().Where(p => p.UserId == userId && ids.Contains(p.Id)), ct);
    }

    private static async Task<IReadOnlyList<ProposalFact>> FactsAsync(AppDbContext db, IQueryable<Proposal> proposals, CancellationToken ct)
    {
        var rows = await proposals.Select(p => new
        {
            p.Id, p.UserId, p.JobPostingId, p.JobTitle, p.Status, p.AiGenerated, p.TemplateName, p.ProfileId, p.BidAmount, p.ConnectsSpent, p.CreatedAt, p.SubmittedAt,
            LetterChars = p.CoverLetter == null ? 0 : p.CoverLetter.Length,
        })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var history = await db.ProposalHistory().AsNoTracking().Where(h => ids.Contains(h.ProposalId)).Select(h => new { h.ProposalId, h.ToStatus, h.At }).ToListAsync(ct);
        var byProposal = history.ToLookup(h => h.ProposalId);
        var jobIds = rows.Select(r => r.JobPostingId).Distinct().ToList();
        var jobs = await db.JobPostings().AsNoTracking().Where(j => jobIds.Contains(j.Id))
            .Select(j => new { j.Id, j.Category, j.JobType, j.BudgetMin, j.BudgetMax, j.PostedAt, j.ClientPaymentVerified, j.ClientInfo, j.ProposalsCount })
            .ToDictionaryAsync(j => j.Id, ct);
        // Which of the user's saved searches found the job: the first that matched it.
        var found = (await (from m in db.SearchMatches().AsNoTracking()
                            join s in db.SavedSearches().AsNoTracking() on m.SavedSearchId equals s.Id
                            where jobIds.Contains(m.JobPostingId)
                            select new { m.UserId, m.JobPostingId, m.MatchedAt, s.Name }).ToListAsync(ct))
            .GroupBy(m => (m.UserId, m.JobPostingId)).ToDictionary(g => g.Key, g => g.MinBy(m => m.MatchedAt)!.Name);
        return rows.Select(r =>
        {
            var steps = byProposal[r.Id].ToList();
            DateTimeOffset? First(params string[] statuses) => steps.Where(s => statuses.Contains(s.ToStatus)).Select(s => (DateTimeOffset?)s.At).Min();
            var job = jobs.GetValueOrDefault(r.JobPostingId);
            return new ProposalFact(r.Id, r.JobPostingId, r.JobTitle, r.Status, r.AiGenerated, r.TemplateName, r.ProfileId, r.BidAmount, r.ConnectsSpent, r.CreatedAt,
                r.SubmittedAt,
                First(ProposalStatuses.Viewed, ProposalStatuses.Interviewing, ProposalStatuses.Offered, ProposalStatuses.Hired),
                First(Replied),
                First(ProposalStatuses.Hired),
                job?.Category, job?.JobType, job?.BudgetMin, job?.BudgetMax,
                r.UserId, job?.PostedAt, found.GetValueOrDefault((r.UserId, r.JobPostingId)),
                job?.ClientPaymentVerified ?? Client(job?.ClientInfo)?.PaymentVerified, Client(job?.ClientInfo)?.TotalHires, job?.ProposalsCount,
                (int)Math.Round(r.LetterChars / CharactersPerWord));
        }).ToList();
    }

    public async Task<Contracts.Analytics.BacktestCriteria?> SavedSearchCriteriaAsync(Guid userId, Guid savedSearchId, int days, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var s = await db.SavedSearches().AsNoTracking().FirstOrDefaultAsync(x => x.Id == savedSearchId && (x.UserId == userId || x.IsShared), ct);
        return s is null ? null : BacktestFilters.From(s, days);
    }

    /// <summary>Letter length is read as characters (not the letters themselves): about six characters make an English word with its space.</summary>
    private const double CharactersPerWord = 6.0;

    private static ClientInfo? Client(string? json)
    {
        if (json is null) return null;
        try
        {
            return JsonSerializer.Deserialize<ClientInfo>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyDictionary<DateOnly, int>> MatchesPerDayAsync(Guid? userId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var matches = await db.SearchMatches().AsNoTracking().Where(m => (userId == null || m.UserId == userId) && m.MatchedAt >= start && m.MatchedAt < end)
            .Select(m => new { m.JobPostingId, m.MatchedAt }).ToListAsync(ct);
        return matches.GroupBy(m => DateOnly.FromDateTime(m.MatchedAt.UtcDateTime))
            .ToDictionary(g => g.Key, g => g.Select(m => m.JobPostingId).Distinct().Count());
    }
}
