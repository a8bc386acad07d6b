using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modules.Upwork.Data;
using Modules.Upwork.Postings;

namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>
/// Maps a <c>MarketplaceJobPostingSearchResult</c> node (docs/upwork-api.md §2.2.3) to a draft: money arrives as strings
/// ("72.11"), dates as <c>+0000</c>, there is no contract type (a positive <c>amount</c> means fixed price), and
/// country values mix names and ISO-3 codes.
/// </summary>
internal static partial class UpworkJobMapper
{
    public static JobPostingDraft? Map(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object || Str(node, "id") is not { } id || Str(node, "title") is not { } title) return null;
        var amount = Money(node, "amount");
        var hourlyMin = Money(node, "hourlyBudgetMin");
        var hourlyMax = Money(node, "hourlyBudgetMax");
        var isFixed = amount is > 0;
        var ciphertext = Str(node, "ciphertext");
        var skills = node.TryGetProperty("skills", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Select(x => Str(x, "prettyName") ?? Str(x, "name")).OfType<string>().ToList()
            : [];
        string? category = null;
        if (node.TryGetProperty("occupations", out var occ) && occ.ValueKind == JsonValueKind.Object
            && occ.TryGetProperty("category", out var cat) && cat.ValueKind == JsonValueKind.Object)
            category = Str(cat, "prefLabel");

        return new JobPostingDraft(
            SourceId: id,
            Source: JobSources.Upwork,
            Title: title,
            Description: Str(node, "description"),
            BudgetMin: isFixed ? amount : hourlyMin,
            BudgetMax: isFixed ? amount : hourlyMax,
            Skills: skills,
            Category: category ?? Str(node, "category"),
            Subcategory: Str(node, "subcategory"),
            JobType: isFixed ? "fixed" : "hourly",
            ExperienceLevel: Level(Str(node, "experienceLevel")),
            Url: ciphertext is null ? null : $"https://www.upwork.com/jobs/{Uri.EscapeDataString(ciphertext)}",
            PostedAt: ParseDate(Str(node, "publishedDateTime")) ?? ParseDate(Str(node, "createdDateTime")),
            ProposalsCount: node.TryGetProperty("totalApplicants", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt32() : null,
            Client: Client(node),
            RawPayload: node.GetRawText());
    }

    /// <summary>Upwork's experience levels in our vocabulary.</summary>
    public static string? Level(string? upwork) => upwork switch
    {
        "ENTRY_LEVEL" => "entry",
        "INTERMEDIATE" => "intermediate",
        "EXPERT" => "expert",
        _ => null,
    };

    /// <summary>Accepts <c>2025-10-16T06:06:48+0000</c> (what Upwork sends) as well as ISO 8601 with a colon.</summary>
    public static DateTimeOffset? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var normalized = OffsetWithoutColon().Replace(value, "$1:$2");
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d.ToUniversalTime() : null;
    }

    private static ClientInfo? Client(JsonElement node)
    {
        if (!node.TryGetProperty("client", out var c) || c.ValueKind != JsonValueKind.Object) return null;
        JsonElement? location = c.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object ? l : null;
        return new ClientInfo(
            Int(c, "totalHires"), Int(c, "totalPostedJobs"), Int(c, "totalReviews"),
            c.TryGetProperty("totalFeedback", out var f) && f.ValueKind == JsonValueKind.Number ? Math.Round(f.GetDouble(), 2) : null,
            Money(c, "totalSpent"),
            Str(c, "verificationStatus") is { } v ? v == "VERIFIED" : null,
            location is { } l1 ? Str(l1, "country") : null,
            location is { } l2 ? Str(l2, "city") : null,
            location is { } l3 ? Str(l3, "timezone") : null);
    }

    private static decimal? Money(JsonElement node, string name)
    {
        if (!node.TryGetProperty(name, out var m) || m.ValueKind != JsonValueKind.Object || !m.TryGetProperty("rawValue", out var raw)) return null;
        var text = raw.ValueKind == JsonValueKind.Number ? raw.GetRawText() : raw.GetString();
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex OffsetWithoutColon();
}
