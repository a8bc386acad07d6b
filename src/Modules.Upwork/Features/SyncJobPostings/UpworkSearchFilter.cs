using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Modules.Upwork.Data;

namespace Modules.Upwork.Features.SyncJobPostings;

/// <summary>A saved search as a <c>MarketplaceJobPostingsSearchFilter</c>, and its key (identical searches have the same key).</summary>
internal static class UpworkSearchFilter
{
    public static SortedDictionary<string, object?> From(SavedSearch search)
    {
        var filter = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(search.Query)) filter["searchExpression_eq"] = search.Query.Trim().ToLowerInvariant();
        if (search.Skills.Count > 0)
            filter["skillExpression_eq"] = string.Join(",", search.Skills.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal));
        if (search.JobType is "hourly" or "fixed") filter["jobType_eq"] = search.JobType == "hourly" ? "HOURLY" : "FIXED";
        if (search.ExperienceLevel is { } level && UpworkLevel(level) is { } upwork) filter["experienceLevel_eq"] = upwork;
        if (search.PaymentVerifiedOnly) filter["verifiedPaymentOnly_eq"] = true;
        return filter;
    }

    public static string Key(IReadOnlyDictionary<string, object?> filter) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(filter))))[..32];

    private static string? UpworkLevel(string level) => level switch
    {
        "entry" => "ENTRY_LEVEL",
        "intermediate" => "INTERMEDIATE",
        "expert" => "EXPERT",
        _ => null,
    };
}
