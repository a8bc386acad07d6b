using System.Globalization;
using Modules.Analytics.Data;

namespace Modules.Analytics.Rollups;

/// <summary>The dimensions a proposal is counted under, each with its buckets (in display order where the order means something).</summary>
internal static class Dimensions
{
    /// <summary>Every sent proposal once, bucket "" (the KPIs, funnel, weeks and days).</summary>
    public const string Total = "total";

    /// <summary>Hires and revenue on the day of the hire, bucket "".</summary>
    public const string HiredOn = "hired_on";

    /// <summary>Letter quality of sent proposals, bucket <c>won</c> or <c>not_won</c>.</summary>
    public const string Quality = "quality";

    public const string Template = "template";
    public const string Category = "category";
    public const string Budget = "budget";
    public const string Hour = "hour";
    public const string Weekday = "weekday";
    public const string Search = "search";

    /// <summary>How soon after the job was posted the proposal went out.</summary>
    public const string Speed = "speed";

    /// <summary>How long the client took to first react (view or reply) to a sent proposal.</summary>
    public const string Response = "response";

    /// <summary>The win-rate breakdowns, in the order the dashboard shows them.</summary>
    public static readonly IReadOnlyList<string> Breakdowns = [Template, Search, Category, Budget, Speed, Response, Hour, Weekday];

    /// <summary>How a breakdown is called on the page and in the report.</summary>
    public static string Label(string key) => key switch
    {
        Template => "Template",
        Search => "Saved search",
        Category => "Category",
        Budget => "Budget",
        Speed => "How fast you applied",
        Response => "Client response time",
        Hour => "Hour sent (UTC)",
        Weekday => "Weekday sent",
        Payment => "Client's payment",
        ClientHires => "Client's past hires",
        Competition => "Competition when you applied",
        LetterLength => "Letter length",
        TimeOfDay => "Time of day sent",
        "member" => "Team member",
        _ => key,
    };

    public const string NoSearch = "Not from a saved search";
    public const string NoResponse = "No response yet";

    public static readonly IReadOnlyList<string> BandOrder = ["Under $100", "$100–499", "$500–1,999", "$2,000–9,999", "$10,000+", "Hourly", "Unknown"];
    public static readonly IReadOnlyList<string> SpeedOrder = ["Within 15 minutes", "15–60 minutes", "1–4 hours", "4–24 hours", "Over a day", "Unknown"];
    public static readonly IReadOnlyList<string> ResponseOrder = ["Within an hour", "1–6 hours", "6–24 hours", "1–3 days", "Over 3 days", NoResponse];
    public static readonly IReadOnlyList<string> HourOrder = Enumerable.Range(0, 24).Select(h => h.ToString("00", CultureInfo.InvariantCulture) + ":00").ToList();
    public static readonly IReadOnlyList<string> WeekdayOrder = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>The fixed display order of a dimension's buckets; null where the biggest bucket comes first.</summary>
    public static IReadOnlyList<string>? Order(string dimension) => dimension switch
    {
        Budget => BandOrder,
        Speed => SpeedOrder,
        Response => ResponseOrder,
        Hour => HourOrder,
        Weekday => WeekdayOrder,
        Payment => PaymentOrder,
        ClientHires => ClientHiresOrder,
        Competition => CompetitionOrder,
        LetterLength => LetterOrder,
        TimeOfDay => TimeOfDayOrder,
        _ => null,
    };

    /// <summary>Fixed-price jobs by their budget (the top of the range); hourly jobs on their own.</summary>
    public static string Band(string? jobType, decimal? budgetMin, decimal? budgetMax)
    {
        if (jobType == "hourly") return "Hourly";
        return (budgetMax ?? budgetMin) switch
        {
            null => "Unknown",
            < 100 => "Under $100",
            < 500 => "$100–499",
            < 2000 => "$500–1,999",
            < 10000 => "$2,000–9,999",
            _ => "$10,000+",
        };
    }

    /// <summary>Time from the job's posting to the proposal (unknown when the posting time is, or when it is not before).</summary>
    public static string SpeedBucket(DateTimeOffset? postedAt, DateTimeOffset sentAt)
    {
        if (postedAt is not { } posted || sentAt < posted) return "Unknown";
        var minutes = (sentAt - posted).TotalMinutes;
        return minutes switch
        {
            < 15 => SpeedOrder[0],
            < 60 => SpeedOrder[1],
            < 240 => SpeedOrder[2],
            < 1440 => SpeedOrder[3],
            _ => SpeedOrder[4],
        };
    }

    /// <summary>The client's payment verification, as last seen while the job was stored.</summary>
    public const string Payment = "payment";

    /// <summary>How many freelancers the client had hired before, as a band.</summary>
    public const string ClientHires = "client_hires";

    /// <summary>How many proposals the job had, as last seen while it was stored (the competition when applying).</summary>
    public const string Competition = "competition";

    /// <summary>Words in the user's letter, as a band.</summary>
    public const string LetterLength = "letter_length";

    /// <summary>The part of the (UTC) day the proposal went out.</summary>
    public const string TimeOfDay = "time_of_day";

    public const string Unknown = "Unknown";
    public static readonly IReadOnlyList<string> PaymentOrder = ["Payment verified", "Payment not verified", Unknown];
    public static readonly IReadOnlyList<string> ClientHiresOrder = ["No hires yet", "1–9 hires", "10+ hires", Unknown];
    public static readonly IReadOnlyList<string> CompetitionOrder = ["Under 5 proposals", "5–9 proposals", "10–19 proposals", "20–49 proposals", "50+ proposals", Unknown];
    public static readonly IReadOnlyList<string> LetterOrder = ["No letter", "Under 100 words", "100–199 words", "200–299 words", "300+ words"];
    public static readonly IReadOnlyList<string> TimeOfDayOrder = ["Night (00–06 UTC)", "Morning (06–12 UTC)", "Afternoon (12–18 UTC)", "Evening (18–24 UTC)"];

    /// <summary>Verified, not verified or unknown.</summary>
    public static string PaymentBucket(bool? verified) => verified switch { true => PaymentOrder[0], false => PaymentOrder[1], null => Unknown };

    /// <summary>The client's earlier hires as a band.</summary>
    public static string ClientHiresBucket(int? hires) => hires switch { null => Unknown, <= 0 => ClientHiresOrder[0], < 10 => ClientHiresOrder[1], _ => ClientHiresOrder[2] };

    /// <summary>The job's proposal count as a band.</summary>
    public static string CompetitionBucket(int? proposals) => proposals switch
    {
        null => Unknown,
        < 5 => CompetitionOrder[0],
        < 10 => CompetitionOrder[1],
        < 20 => CompetitionOrder[2],
        < 50 => CompetitionOrder[3],
        _ => CompetitionOrder[4],
    };

    /// <summary>The letter's length as a band.</summary>
    public static string LetterBucket(int? words) => words switch
    {
        null or <= 0 => LetterOrder[0],
        < 100 => LetterOrder[1],
        < 200 => LetterOrder[2],
        < 300 => LetterOrder[3],
        _ => LetterOrder[4],
    };

    /// <summary>The quarter of the UTC day <paramref name="sentAt"/> falls in.</summary>
    public static string TimeOfDayBucket(DateTimeOffset sentAt) => TimeOfDayOrder[sentAt.UtcDateTime.Hour / 6];

    /// <summary>Time from sending to the client's first reaction (a view, or a reply without one).</summary>
    public static string ResponseBucket(DateTimeOffset sentAt, DateTimeOffset? viewedAt, DateTimeOffset? repliedAt)
    {
        var first = new[] { viewedAt, repliedAt }.Where(t => t is not null).Min();
        if (first is not { } at) return NoResponse;
        var hours = Math.Max(0, (at - sentAt).TotalHours);
        return hours switch
        {
            < 1 => ResponseOrder[0],
            < 6 => ResponseOrder[1],
            < 24 => ResponseOrder[2],
            < 72 => ResponseOrder[3],
            _ => ResponseOrder[4],
        };
    }
}

/// <summary>
/// Turns proposals into daily rollup rows: pure, so the nightly rebuild, the incremental update and the tests all count
/// the same way. A sent proposal counts once under every dimension on the day it was sent (with whether it was viewed,
/// answered and hired since: a cohort, so rates never exceed 100%); a hire also counts on the day of the hire.
/// </summary>
internal static class RollupBuilder
{
    public static List<ProposalRollup> Build(IEnumerable<ProposalFactRow> facts)
    {
        var rows = new Dictionary<(Guid, Guid, DateOnly, string, string), ProposalRollup>();
        ProposalRollup Row(ProposalFactRow f, DateOnly day, string dimension, string bucket)
        {
            var key = (f.UserId, f.ProfileId ?? Guid.Empty, day, dimension, bucket);
            if (!rows.TryGetValue(key, out var row))
                rows[key] = row = new ProposalRollup { UserId = f.UserId, ProfileId = f.ProfileId ?? Guid.Empty, Day = day, Dimension = dimension, Bucket = bucket };
            return row;
        }

        foreach (var f in facts)
        {
            if (f.SubmittedAt is { } sent && f.SubmittedOn is { } day)
            {
                var utc = sent.UtcDateTime;
                var buckets = new (string Dimension, string Bucket)[]
                {
                    (Dimensions.Total, ""),
                    (Dimensions.Template, f.Template ?? (f.AiGenerated ? "AI, no template" : "Written by hand")),
                    (Dimensions.Category, f.Category ?? "Unknown"),
                    (Dimensions.Budget, f.BudgetBand ?? Dimensions.Band(f.JobType, f.BudgetMin, f.BudgetMax)),
                    (Dimensions.Hour, utc.Hour.ToString("00", CultureInfo.InvariantCulture) + ":00"),
                    (Dimensions.Weekday, utc.DayOfWeek.ToString()),
                    (Dimensions.Search, f.SavedSearch ?? Dimensions.NoSearch),
                    (Dimensions.Speed, f.SpeedBucket ?? Dimensions.SpeedBucket(f.JobPostedAt, sent)),
                    (Dimensions.Response, Dimensions.ResponseBucket(sent, f.ViewedAt, f.RepliedAt)),
                };
                foreach (var (dimension, bucket) in buckets)
                {
                    var row = Row(f, day, dimension, bucket);
                    row.Sent++;
                    if (f.ViewedAt is not null) row.Viewed++;
                    if (f.RepliedAt is not null) row.Replied++;
                    if (f.HiredAt is not null) row.Hired++;
                    row.Connects += f.ConnectsSpent ?? 0;
                }
                if (f.Quality is { } q)
                {
                    var row = Row(f, day, Dimensions.Quality, f.HiredAt is not null ? "won" : "not_won");
                    row.Sent++;
                    row.QualitySum += q;
                    row.QualityCount++;
                }
            }
            if (f.HiredOn is { } hiredOn)
            {
                var row = Row(f, hiredOn, Dimensions.HiredOn, "");
                row.Hired++;
                row.Revenue += f.BidAmount ?? 0;
            }
        }
        return rows.Values.ToList();
    }
}
