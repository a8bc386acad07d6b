using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Modules.Upwork.Data;

namespace Modules.Upwork.Searches;

/// <summary>A saved search as a <c>MarketplaceJobPostingsSearchFilter</c>, and its key (identical searches have the same key).</summary>
internal static partial class UpworkSearchFilter
{
    /// <summary>The sync state of one user's fetches of one filter (each connection reads from its own mark).</summary>
    public static string StateKey(string filterKey, Guid userId) => $"{filterKey}:{userId:N}";

    public static SortedDictionary<string, object?> From(SavedSearch search)
    {
        var filter = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(search.Query) && Expression(search.Query) is { Length: > 0 } expression) filter["searchExpression_eq"] = expression;
        if (search.Skills.Count > 0)
            filter["skillExpression_eq"] = string.Join(",", search.Skills.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal));
        if (search.JobType is "hourly" or "fixed") filter["jobType_eq"] = search.JobType == "hourly" ? "HOURLY" : "FIXED";
        if (search.ExperienceLevel is { } level && UpworkLevel(level) is { } upwork) filter["experienceLevel_eq"] = upwork;
        if (search.PaymentVerifiedOnly) filter["verifiedPaymentOnly_eq"] = true;
        return filter;
    }

    /// <summary>Exactly what a search's words are sent to Upwork as (<see cref="SearchExpression"/>); not lower-cased, which turned the operators into words.</summary>
    public static string Expression(string? query) => string.IsNullOrWhiteSpace(query) ? "" : SearchExpression.Build(query);

    /// <summary>
    /// The filter's key: searches that differ only in the case of their words share it (Upwork's matching ignores case),
    /// so they are fetched once, as before. The words are lower-cased for the key only, operators kept, which leaves the
    /// key of every search saved before this change (words without operators or special characters) as it was; a search
    /// with capital operators or special characters gets a new key when it is next saved (until then its stored key
    /// stands, so it is still fetched, only not shared with a new identical search).
    /// </summary>
    public static string Key(IReadOnlyDictionary<string, object?> filter)
    {
        var keyed = new SortedDictionary<string, object?>(filter.ToDictionary(), StringComparer.Ordinal);
        if (keyed.TryGetValue("searchExpression_eq", out var e) && e is string expression)
            keyed["searchExpression_eq"] = Words().Replace(expression, m => m.Value is "AND" or "OR" or "NOT" ? m.Value : m.Value.ToLowerInvariant());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(keyed))))[..32];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\s()]+")]
    private static partial System.Text.RegularExpressions.Regex Words();

    private static string? UpworkLevel(string level) => level switch
    {
        "entry" => "ENTRY_LEVEL",
        "intermediate" => "INTERMEDIATE",
        "expert" => "EXPERT",
        _ => null,
    };
}
