using Contracts.Upwork;
using Contracts.Upwork.Events;
using Microsoft.Extensions.Caching.Hybrid;
using Modules.Upwork.Data;
using Shared.Events;

namespace Modules.Upwork.Postings;

/// <summary>
/// One job posting with its description and client panel, or null when it does not exist or the user may not see it
/// (<see cref="JobVisibility"/>). Cached 5 minutes under <c>job_cache:{id}</c> (docs/specification.md §5; in memory, and in Redis
/// when configured), dropped when the job changes or is purged; the visibility check runs on every read (a demo job or
/// the user's own needs no query), so a cached job never reaches a user who may not see it.
/// </summary>
internal sealed class JobPostingReader(IDbContextFactory<AppDbContext> contexts, HybridCache cache)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    public static string CacheKey(Guid id) => $"job_cache:{id:N}";

    public async Task<JobPostingDetail?> RunAsync(Guid id, Guid userId, CancellationToken ct)
    {
        var cached = await cache.GetOrCreateAsync(CacheKey(id), async token =>
        {
            await using var db = await contexts.CreateDbContextAsync(token);
            var j = await db.JobPostings().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, token);
            return j is null ? null : new CachedJobPosting(j.OwnerUserId, j.IsDemo, new JobPostingDetail(
                new JobPostingSummary(j.Id, j.UpworkJobId, j.Title, j.JobType, j.BudgetMin, j.BudgetMax, j.Skills, j.PostedAt, j.Source, j.IsDemo),
                j.Description, j.Category, j.Subcategory, j.ExperienceLevel, j.ExpiresAt, j.Url, j.ProposalsCount,
                j.ClientInfo is null ? null : System.Text.Json.JsonSerializer.Deserialize<ClientInfo>(j.ClientInfo, System.Text.Json.JsonSerializerOptions.Web)));
        }, new HybridCacheEntryOptions { Expiration = Ttl, LocalCacheExpiration = Ttl }, cancellationToken: ct);
        if (cached is not { } c) return null;
        if (c.IsDemo || (c.Owner is { } owner && owner == userId)) return c.Detail;
        if (c.Owner is not null) return null;
        await using var check = await contexts.CreateDbContextAsync(ct);
        return await JobVisibility.CanSeeAsync(check, id, userId, ct) ? c.Detail : null;
    }

    internal sealed record CachedJobPosting(Guid? Owner, bool IsDemo, JobPostingDetail Detail);
}

/// <summary>A changed job is read fresh next time.</summary>
internal sealed class ForgetChangedJobPosting(HybridCache cache) : IEventHandler<JobPostingUpdated>
{
    public async Task HandleAsync(JobPostingUpdated e, CancellationToken ct) => await cache.RemoveAsync(JobPostingReader.CacheKey(e.JobPostingId), ct);
}

/// <summary>The job as the detail route returns it, with the client panel.</summary>
internal sealed record JobPostingDetail(
    JobPostingSummary Summary, string? Description, string? Category, string? Subcategory, string? ExperienceLevel, DateTimeOffset? ExpiresAt,
    string? Url = null, int? ProposalsCount = null, ClientInfo? Client = null);
