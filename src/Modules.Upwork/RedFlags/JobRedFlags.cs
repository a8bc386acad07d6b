using System.Text.Json;
using Contracts.Ai;
using Contracts.Upwork;
using Modules.Upwork.Data;
using Modules.Upwork.Postings;

namespace Modules.Upwork.RedFlags;

/// <summary>
/// Red flags as a user sees them (docs/red-flags.md): the rules over the stored job, what similar jobs pay when the AI
/// module has a salary model, and the user's dismissals for the job's client. Every read checks that the user may see
/// the job (<see cref="JobVisibility"/>); a job they may not see answers as if it did not exist. Reusable: the job
/// list, the job panel, the API route and the MCP tool all come here.
/// </summary>
internal sealed class JobRedFlags(IDbContextFactory<AppDbContext> contexts, IEnumerable<IMarketRates> marketRates, TimeProvider time) : IJobRedFlags
{
    public async Task<IReadOnlyList<JobRedFlag>?> ForJobAsync(Guid userId, Guid jobPostingId, CancellationToken ct) =>
        (await ForJobsAsync(userId, [jobPostingId], ct)).GetValueOrDefault(jobPostingId);

    /// <summary>Flags per job for the jobs the user may see among <paramref name="jobPostingIds"/> (the rest are left out).</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<JobRedFlag>>> ForJobsAsync(Guid userId, IReadOnlyCollection<Guid> jobPostingIds, CancellationToken ct)
    {
        if (jobPostingIds.Count == 0) return new Dictionary<Guid, IReadOnlyList<JobRedFlag>>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var jobs = await db.JobPostings().AsNoTracking().Where(j => jobPostingIds.Contains(j.Id)).VisibleTo(db, userId).ToListAsync(ct);
        var keyed = jobs.Select(j => (Job: j, Client: Client(j))).Select(x => (x.Job, x.Client, Key: RedFlagRules.ClientKey(x.Client, x.Job.ClientCountry))).ToList();
        var keys = keyed.Select(x => x.Key).Distinct().ToList();
        var dismissed = (await db.RedFlagDismissals().AsNoTracking().Where(d => d.UserId == userId && keys.Contains(d.ClientKey))
            .Select(d => new { d.ClientKey, d.Code }).ToListAsync(ct)).Select(d => (d.ClientKey, d.Code)).ToHashSet();
        var result = new Dictionary<Guid, IReadOnlyList<JobRedFlag>>();
        foreach (var (job, client, key) in keyed)
        {
            var price = await MarketPriceAsync(marketRates, job, client, ct);
            result[job.Id] = RedFlagRules.Evaluate(Input(job, client, price))
                .Select(f => dismissed.Contains((key, f.Code)) ? f with { Dismissed = true } : f).ToList();
        }
        return result;
    }

    /// <summary>Marks (or with <paramref name="dismiss"/> false, unmarks) a flag as dismissed for the job's client; false when the user may not see the job.</summary>
    public async Task<bool> DismissAsync(Guid userId, Guid jobPostingId, string code, bool dismiss, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var job = await db.JobPostings().AsNoTracking().Where(j => j.Id == jobPostingId).VisibleTo(db, userId)
            .Select(j => new { j.ClientInfo, j.ClientCountry }).FirstOrDefaultAsync(ct);
        if (job is null) return false;
        var key = RedFlagRules.ClientKey(job.ClientInfo is null ? null : JsonSerializer.Deserialize<ClientInfo>(job.ClientInfo, JsonSerializerOptions.Web), job.ClientCountry);
        var existing = await db.RedFlagDismissals().FirstOrDefaultAsync(d => d.UserId == userId && d.ClientKey == key && d.Code == code, ct);
        if (dismiss && existing is null)
            db.RedFlagDismissals().Add(new RedFlagDismissal { Id = Guid.CreateVersion7(), UserId = userId, ClientKey = key, Code = code, DismissedAt = time.GetUtcNow() });
        else if (!dismiss && existing is not null)
            db.RedFlagDismissals().Remove(existing);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (dismiss)
        {
            // A second click (another tab) stored the same dismissal first: the outcome is the one asked for.
        }
        return true;
    }

    /// <summary>
    /// What the rules read for a stored job. The job card, the job panel and the saved-search matcher all build it here,
    /// so "hide red-flagged jobs" judges exactly the flags the card shows (docs/red-flags.md).
    /// </summary>
    public static RedFlagInput Input(JobPosting job, ClientInfo? client, decimal? marketPrice) =>
        new(job.Title, job.Description, job.JobType, job.BudgetMin, job.BudgetMax, client, job.ClientPaymentVerified, marketPrice);

    /// <summary>What similar jobs pay, for the "budget below market" flag: null while no salary model is trained or the job type is unknown.</summary>
    public static async Task<decimal?> MarketPriceAsync(IEnumerable<IMarketRates> marketRates, JobPosting job, ClientInfo? client, CancellationToken ct) =>
        marketRates.FirstOrDefault() is { } market && job.JobType is not null ? await market.TypicalPriceAsync(Details(job, client), ct) : null;

    public static ClientInfo? Client(JobPosting j) => j.ClientInfo is null ? null : JsonSerializer.Deserialize<ClientInfo>(j.ClientInfo, JsonSerializerOptions.Web);

    private static JobPostingDetails Details(JobPosting j, ClientInfo? c) => new(
        j.Id, j.UpworkJobId, j.Title, j.Description ?? "", j.Skills, j.JobType, j.BudgetMin, j.BudgetMax, j.ExperienceLevel, j.Category, j.Subcategory,
        j.ProposalsCount, j.Url, j.PostedAt,
        new JobClient(c?.PaymentVerified ?? j.ClientPaymentVerified, c?.Country ?? j.ClientCountry, c?.TotalHires, c?.TotalPostedJobs, c?.TotalReviews, c?.Rating, c?.TotalSpent),
        j.IsDemo);
}

/// <summary>Dismissals the matcher needs: every user's, for one job's client.</summary>
internal static class RedFlagDismissals
{
    public static async Task<IReadOnlySet<(Guid UserId, string Code)>> ForClientAsync(AppDbContext db, JobPosting job, CancellationToken ct)
    {
        var client = job.ClientInfo is null ? null : JsonSerializer.Deserialize<ClientInfo>(job.ClientInfo, JsonSerializerOptions.Web);
        var key = RedFlagRules.ClientKey(client, job.ClientCountry);
        return (await db.RedFlagDismissals().AsNoTracking().Where(d => d.ClientKey == key).Select(d => new { d.UserId, d.Code }).ToListAsync(ct))
            .Select(d => (d.UserId, d.Code)).ToHashSet();
    }
}
