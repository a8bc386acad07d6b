using Modules.Upwork.Data;
using Modules.Upwork.Postings;

namespace Modules.Upwork.Searches;

/// <summary>Why a job did or did not match each of the user's saved searches.</summary>
internal sealed class ExplainMatch(IDbContextFactory<AppDbContext> contexts, IEnumerable<Contracts.Ai.IMarketRates> marketRates)
{
    public async Task<IReadOnlyList<SearchExplanation>?> RunAsync(Guid userId, Guid jobId, Guid? savedSearchId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var job = await db.JobPostings().AsNoTracking().Where(j => j.Id == jobId).VisibleTo(db, userId).FirstOrDefaultAsync(ct);
        if (job is null) return null;
        var searches = await db.SavedSearches().AsNoTracking()
            .Where(s => s.UserId == userId && (savedSearchId == null || s.Id == savedSearchId)).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        if (savedSearchId is not null && searches.Count == 0) return null;
        var facts = SearchIndex.Facts(job, null, await RedFlags.JobRedFlags.MarketPriceAsync(marketRates, job, RedFlags.JobRedFlags.Client(job), ct));
        return searches.Select(s =>
        {
            var compiled = new CompiledSearch(s);
            var criteria = compiled.Explain(facts);
            return new SearchExplanation(s.Id, s.Name, criteria.All(c => c.Passed), criteria);
        }).ToList();
    }
}

internal sealed record SearchExplanation(Guid SavedSearchId, string Name, bool Matched, IReadOnlyList<CriterionResult> Criteria);
