using Prometheus;

namespace Modules.Ai.Integrations.Providers;

/// <summary>Prometheus metrics of the AI module (scraped at <c>/metrics</c>), named as the spec names them.</summary>
internal static class AiMetrics
{
    private static readonly Counter Requests = Metrics.CreateCounter(
        "ai_requests_total", "AI provider calls by provider, model and result (ok, error, cached, refused).", "provider", "model", "result");

    private static readonly Counter Cost = Metrics.CreateCounter("ai_cost_usd", "AI spend in USD by provider and model.", "provider", "model");

    private static readonly Counter Tokens = Metrics.CreateCounter("ai_tokens_total", "Tokens by provider, model and direction (in, out).", "provider", "model", "direction");

    private static readonly Histogram Quality = Metrics.CreateHistogram("ai_quality_score", "Quality score (0-1) of generated letters.",
        new HistogramConfiguration { Buckets = Histogram.LinearBuckets(0.1, 0.1, 10) });

    private static readonly Histogram FirstToken = Metrics.CreateHistogram("ai_time_to_first_token_seconds", "Time from request to the first token, by provider.",
        new HistogramConfiguration { LabelNames = ["provider"], Buckets = Histogram.ExponentialBuckets(0.01, 2, 12) });

    private static readonly Counter Cache = Metrics.CreateCounter("ai_cache_requests_total", "AI response cache lookups by result (hit, miss, bypass).", "result");

    public static void Request(string provider, string model, string result) => Requests.WithLabels(provider, model, result).Inc();

    public static void Spent(string provider, string model, decimal? usd, int? tokensIn, int? tokensOut)
    {
        if (usd is > 0) Cost.WithLabels(provider, model).Inc((double)usd.Value);
        if (tokensIn is > 0) Tokens.WithLabels(provider, model, "in").Inc(tokensIn.Value);
        if (tokensOut is > 0) Tokens.WithLabels(provider, model, "out").Inc(tokensOut.Value);
    }

    public static void Scored(decimal score) => Quality.Observe((double)score);

    public static void FirstTokenAfter(string provider, TimeSpan elapsed) => FirstToken.WithLabels(provider).Observe(elapsed.TotalSeconds);

    public static void CacheLookup(string result) => Cache.WithLabels(result).Inc();
}
