using Microsoft.Extensions.Caching.Hybrid;
using Prometheus;

namespace Shared.Live;

/// <summary>
/// Counts hits and misses of every <see cref="HybridCache"/> lookup for Prometheus (<c>cache_requests_total{entry,result}</c>):
/// a lookup whose factory runs is a miss, any other (memory or Redis) a hit. <c>entry</c> is the key up to its first
/// colon (<c>job_cache</c>, <c>ai_analysis</c>, <c>session</c>, …), so the set of label values stays small.
/// HybridCache's own event counters are not published through dotnet-counters, hence this.
/// </summary>
internal sealed class MeasuredHybridCache(HybridCache inner) : HybridCache
{
    private static readonly Counter Requests = Metrics.CreateCounter(
        "cache_requests_total", "HybridCache lookups by key prefix; result is hit or miss (the factory ran).",
        new CounterConfiguration { LabelNames = ["entry", "result"] });

    public override async ValueTask<T> GetOrCreateAsync<TState, T>(string key, TState state, Func<TState, CancellationToken, ValueTask<T>> factory,
        HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default)
    {
        var missed = false;
        var value = await inner.GetOrCreateAsync(key, (state, factory), (s, ct) =>
        {
            missed = true;
            return s.factory(s.state, ct);
        }, options, tags, cancellationToken);
        Requests.WithLabels(Entry(key), missed ? "miss" : "hit").Inc();
        return value;
    }

    public override ValueTask SetAsync<T>(string key, T value, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default) =>
        inner.SetAsync(key, value, options, tags, cancellationToken);

    public override ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => inner.RemoveAsync(key, cancellationToken);

    public override ValueTask RemoveAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default) => inner.RemoveAsync(keys, cancellationToken);

    public override ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken = default) => inner.RemoveByTagAsync(tag, cancellationToken);

    public override ValueTask RemoveByTagAsync(IEnumerable<string> tags, CancellationToken cancellationToken = default) => inner.RemoveByTagAsync(tags, cancellationToken);

    private static string Entry(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? key[..colon] : "other";
    }
}
