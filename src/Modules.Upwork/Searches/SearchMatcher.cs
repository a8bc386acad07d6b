using System.Text.Json;
using Modules.Upwork.Data;
using Shared.Live;

namespace Modules.Upwork.Searches;

/// <summary>
/// Every saved search of the workspace, compiled and indexed in memory: an inverted index from a required keyword to
/// the searches that need it, so a new job is checked only against searches that could match it (plus those without
/// keywords). Rebuilt lazily after any saved search changes, on every instance (a LiveUpdates topic carries the news).
/// </summary>
internal sealed class SearchMatcher : IDisposable
{
    public const string ChangedTopic = "upwork.saved-searches-changed";

    private readonly IDbContextFactory<AppDbContext> _contexts;
    private readonly IDisposable _subscription;
    private readonly SemaphoreSlim _buildLock = new(1, 1);
    private volatile SearchIndex? _index;

    public SearchMatcher(IDbContextFactory<AppDbContext> contexts, LiveUpdates live)
    {
        _contexts = contexts;
        _subscription = live.Subscribe(ChangedTopic, () => { Invalidate(); return Task.CompletedTask; });
    }

    public void Invalidate() => _index = null;

    public async Task<SearchIndex> IndexAsync(CancellationToken ct)
    {
        if (_index is { } ready) return ready;
        await _buildLock.WaitAsync(ct);
        try
        {
            if (_index is { } built) return built;
            await using var db = await _contexts.CreateDbContextAsync(ct);
            var searches = await db.SavedSearches().AsNoTracking().ToListAsync(ct);
            var follows = await db.SavedSearchFollows().AsNoTracking().ToListAsync(ct);
            var shared = searches.Where(s => s.IsShared).Select(s => s.Id).ToHashSet();
            var followers = follows.Where(f => shared.Contains(f.SavedSearchId)).GroupBy(f => f.SavedSearchId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)g.Select(f => f.UserId).ToList());
            return _index = new SearchIndex(searches.Select(s => new CompiledSearch(s)).ToList(), followers);
        }
        finally
        {
            _buildLock.Release();
        }
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _buildLock.Dispose();
    }
}

/// <summary>An immutable snapshot of compiled searches and their keyword index.</summary>
internal sealed class SearchIndex
{
    private readonly List<CompiledSearch> _searches;
    private readonly Dictionary<string, List<int>> _byTerm = new(StringComparer.Ordinal);
    private readonly List<int> _unkeyed = [];

    private readonly IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> _followers;

    /// <param name="searches">Every saved search, compiled.</param>
    /// <param name="followers">Members following each shared search (by search id): they are alerted besides its owner.</param>
    public SearchIndex(List<CompiledSearch> searches, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>? followers = null)
    {
        _searches = searches;
        _followers = followers ?? new Dictionary<Guid, IReadOnlyList<Guid>>();
        for (var i = 0; i < searches.Count; i++)
        {
            // Index each search under one required word: a job without that word cannot match it.
            var key = searches[i].Terms.OrderByDescending(t => t.Length).FirstOrDefault();
            if (key is null) _unkeyed.Add(i);
            else (_byTerm.TryGetValue(key, out var list) ? list : _byTerm[key] = []).Add(i);
        }
    }

    public int Count => _searches.Count;

    /// <summary>Who a match of <paramref name="search"/> alerts: its owner, then the members following it while it is shared.</summary>
    public IEnumerable<Guid> Recipients(SavedSearch search)
    {
        yield return search.UserId;
        if (search.IsShared && _followers.TryGetValue(search.Id, out var followers))
            foreach (var follower in followers)
                if (follower != search.UserId) yield return follower;
    }

    public IReadOnlyList<CompiledSearch> Searches => _searches;

    /// <summary>The searches <paramref name="job"/> satisfies.</summary>
    public List<CompiledSearch> Match(JobFacts job)
    {
        var matched = new List<CompiledSearch>();
        foreach (var i in _unkeyed)
            if (_searches[i].Matches(job)) matched.Add(_searches[i]);
        foreach (var token in job.Tokens)
            if (_byTerm.TryGetValue(token, out var candidates))
                foreach (var i in candidates)
                    if (_searches[i].Matches(job)) matched.Add(_searches[i]);
        return matched;
    }

    public static JobFacts Facts(JobPosting job, IReadOnlySet<(Guid UserId, string Code)>? dismissed = null, decimal? marketPrice = null) =>
        new(job, RedFlags.JobRedFlags.Client(job), marketPrice)
        {
            Dismissed = dismissed ?? new HashSet<(Guid, string)>(),
        };

    /// <summary>Whether any search hides red-flagged jobs (then the matcher needs the job client's dismissals).</summary>
    public bool HidesRedFlags => _searches.Any(s => s.Source.HideRedFlagged);
}
