using Prometheus;

namespace Modules.Ai.Integrations.Providers;

/// <summary>Prometheus metrics of the AI module (scraped at <c>/metrics</c>), named as docs/specification.md §8 names them.</summary>
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

    /// <summary>The label of every model this configuration does not know.</summary>
    public const string OtherModel = "other";

    /// <summary>
    /// The <c>model</c> label: a model name is a string a member chooses, so each distinct one would be a new series in
    /// every model-labelled metric (unbounded cardinality, a memory and scrape-size attack on Prometheus). Only the
    /// models this configuration knows keep their name: a price-table entry (a dated variant counts under the
    /// entry that prices it, longest prefix first) or a provider's configured model; anything else is <see cref="OtherModel"/>.
    /// </summary>
    public static string ModelLabel(string? model, AiOptions options)
    {
        if (string.IsNullOrEmpty(model)) return OtherModel;
        string?[] configured = [options.OpenAI.Model, options.OpenAI.FallbackModel, options.Anthropic.Model, options.Anthropic.FallbackModel,
            options.OpenAICompatible.Model, options.OpenAICompatible.FallbackModel];
        if (configured.FirstOrDefault(c => string.Equals(c, model, StringComparison.OrdinalIgnoreCase)) is { } known) return known;
        return options.Prices.Keys.Where(k => model.StartsWith(k, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(k => k.Length).FirstOrDefault() ?? OtherModel;
    }

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
