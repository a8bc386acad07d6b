namespace Modules.Upwork.Features.ShowCompliance;

/// <summary>One Upwork rule the app follows: the text we rely on and where it comes from (docs/compliance.md keeps the same list).</summary>
internal sealed record ComplianceRule(string Id, string Title, string Text, string Source);

/// <summary>The rules the Compliance page links each item to; docs/compliance.md is the reference copy with the sources in full.</summary>
internal static class ComplianceRules
{
    public static readonly ComplianceRule RateLimits = new("r1", "Request rate",
        "Up to 10 requests per second per IP address; over it Upwork answers 429 Too Many Requests. The GraphQL documentation allows 300 requests per minute per IP address.",
        "Upwork Help Center, API rate limits (current); GraphQL docs as quoted in docs/upwork-api.md §3");

    public static readonly ComplianceRule DailyCap = new("r2", "Daily volume",
        "An application that exceeds 40,000 requests per day may have its API key disabled; the figure is attested when the key is requested.",
        "Upwork Help Center, API rate limits (older version); key-request article (docs/upwork-api.md §3)");

    public static readonly ComplianceRule Unblocking = new("r3", "After a 429",
        "A rate-limited app is unblocked within a minute from the last rate-limited request, so quick retries keep the block alive: we stop every call for at least 60 seconds.",
        "Upwork Help Center, API rate limits (older version; docs/upwork-api.md §3)");

    public static readonly ComplianceRule Retention = new("r4", "24-hour caching",
        "Caching API responses for more than 24 hours is not allowed; the API Terms also forbid timer-only refetches to keep content fresh.",
        "Upwork Help Center, API rate limits (current); API/MCP Terms v2.3–2.4 (docs/upwork-api.md §3, docs/data-retention.md)");

    public static readonly ComplianceRule HumanSubmits = new("r5", "A human decides every proposal",
        "The API Terms §5.9 forbid an agent autonomously selecting postings and submitting; spamming proposals is banned. Each submission is a person's click, capped per day, and never retried automatically.",
        "Upwork API/MCP Terms §5.9 (docs/upwork-api.md §5)");

    public static readonly ComplianceRule NoMonitoring = new("r6", "Modest, user-directed polling",
        "The API Terms restrict enumerating or continuously monitoring the marketplace; polling stays on the user's own saved searches, at most every minute, within hourly budgets, and stops at once with the pause switch.",
        "Upwork API/MCP Terms v2.3–2.4 (docs/upwork-api.md §3); automation policy, Use bots and other automation properly");

    public static IReadOnlyList<ComplianceRule> All { get; } = [RateLimits, DailyCap, Unblocking, Retention, HumanSubmits, NoMonitoring];
}
