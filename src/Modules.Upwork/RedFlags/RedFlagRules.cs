using System.Globalization;
using Contracts.Upwork;
using Modules.Upwork.Data;

namespace Modules.Upwork.RedFlags;

/// <summary>The severities of <see cref="JobRedFlag.Severity"/>, worst first.</summary>
internal static class RedFlagSeverity
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    public static int Rank(string severity) => severity switch { High => 3, Medium => 2, Low => 1, _ => 0 };
}

/// <summary>What the rules read: the job's own fields, its client panel, and what similar jobs pay when a salary model knows.</summary>
internal sealed record RedFlagInput(
    string Title, string? Description, string? JobType, decimal? BudgetMin, decimal? BudgetMax, ClientInfo? Client, bool? PaymentVerified = null,
    decimal? MarketPrice = null);

/// <summary>
/// Client red flags (docs/red-flags.md), computed offline from the fields we already hold: the client panel Upwork
/// sends with a job, the budget, and <see cref="TextSignals"/> over the text. Pure and fast: the job list runs it for
/// every card it shows, the matcher for every new job.
/// </summary>
internal static class RedFlagRules
{
    /// <summary>A client with at least this many posted jobs is judged on its hires.</summary>
    public const int PostedJobsToJudge = 5;

    /// <summary>Hires on fewer than this share of posted jobs is a low hire rate.</summary>
    public const double LowHireRate = 0.2;

    /// <summary>An average rating under this (with at least <see cref="ReviewsToJudge"/> reviews) is low.</summary>
    public const double LowRating = 4.0;

    public const int ReviewsToJudge = 2;

    /// <summary>A client with no hire and under this much spent is new.</summary>
    public const decimal NewClientSpend = 100m;

    /// <summary>A new client offering at least this much (fixed) or this rate (hourly) offers far above its history.</summary>
    public const decimal NewClientFixedBudget = 5_000m;

    public const decimal NewClientHourlyRate = 100m;

    /// <summary>An offer under this share of what similar jobs pay is far below the market.</summary>
    public const decimal BelowMarketShare = 0.35m;

    /// <summary>
    /// Whether a flag hides a job from a saved search with "hide red-flagged jobs": every high flag, and a budget far
    /// below the market (a job not worth a Connect). The other flags stay on the card to read, without hiding the job.
    /// </summary>
    public static bool HidesFromSearches(JobRedFlag flag) => flag.Severity == RedFlagSeverity.High || flag.Code == RedFlagCodes.BudgetBelowMarket;

    /// <summary>Every flag the job raises, worst first.</summary>
    public static IReadOnlyList<JobRedFlag> Evaluate(RedFlagInput job)
    {
        var flags = TextSignals.Find(job.Title, job.Description).ToList();
        flags.AddRange(ClientFlags(job));
        return flags.OrderByDescending(f => RedFlagSeverity.Rank(f.Severity)).ThenBy(f => IndexOf(f.Code)).ToList();
    }

    private static int IndexOf(string code)
    {
        for (var i = 0; i < RedFlagCodes.All.Count; i++)
            if (RedFlagCodes.All[i] == code) return i;
        return int.MaxValue;
    }

    private static IEnumerable<JobRedFlag> ClientFlags(RedFlagInput job)
    {
        var c = job.Client;
        var verified = c?.PaymentVerified ?? job.PaymentVerified;
        if (verified == false)
            yield return new JobRedFlag(RedFlagCodes.PaymentNotVerified, RedFlagSeverity.Medium,
                "The client's payment method is not verified: Upwork has not confirmed they can pay you.");
        var offered = job.BudgetMax ?? job.BudgetMin;
        if (offered is { } low && job.MarketPrice is { } market && market > 0 && low < market * BelowMarketShare)
            yield return new JobRedFlag(RedFlagCodes.BudgetBelowMarket, RedFlagSeverity.Low,
                $"Offers {Money(low)}{(job.JobType == "hourly" ? "/hr" : "")}, far below the {Money(market)}{(job.JobType == "hourly" ? "/hr" : "")} similar jobs pay (our salary model).");
        if (c is null) yield break;
        var posted = c.TotalPostedJobs ?? 0;
        var hires = c.TotalHires ?? 0;
        if (posted >= PostedJobsToJudge && hires == 0)
            yield return new JobRedFlag(RedFlagCodes.NoHires, RedFlagSeverity.Medium,
                $"The client posted {posted} jobs and hired no one: your proposal's Connects may be spent on a job that is never filled.");
        else if (posted >= PostedJobsToJudge && (double)hires / posted < LowHireRate)
            yield return new JobRedFlag(RedFlagCodes.LowHireRate, RedFlagSeverity.Low,
                $"The client hired on {hires} of {posted} posted jobs ({Percent((double)hires / posted)}), under the {Percent(LowHireRate)} a typical client reaches.");
        if (c.Rating is { } rating && rating > 0 && rating < LowRating && (c.TotalReviews ?? ReviewsToJudge) >= ReviewsToJudge)
            yield return new JobRedFlag(RedFlagCodes.LowRating, RedFlagSeverity.Medium,
                $"Freelancers rated this client {rating.ToString("0.0", CultureInfo.InvariantCulture)} of 5{(c.TotalReviews is { } n ? $" over {n} reviews" : "")}, under {LowRating.ToString("0.0", CultureInfo.InvariantCulture)}.");
        var spent = c.TotalSpent ?? 0;
        if (offered is { } amount && hires == 0 && spent < NewClientSpend
            && (job.JobType == "hourly" ? amount >= NewClientHourlyRate : amount >= NewClientFixedBudget))
            yield return new JobRedFlag(RedFlagCodes.BudgetAboveHistory, RedFlagSeverity.Medium,
                $"A new client with no hires and {Money(spent)} spent offers {Money(amount)}{(job.JobType == "hourly" ? "/hr" : "")}, far above anything it has paid: a lure scammers use.");
    }

    private static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);

    private static string Money(decimal d) => "$" + d.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// Who posted a job, as far as we can tell: Upwork's job search does not return a client id (docs/upwork-api.md §2.3),
    /// so a client is its panel's fingerprint (country, city, time zone and history). A dismissal holds for all the
    /// client's jobs until its history changes (a new hire, post or review), when the flag is judged afresh.
    /// </summary>
    public static string ClientKey(ClientInfo? client, string? country)
    {
        var basis = client is null
            ? $"unknown|{country}"
            : string.Join('|', client.Country ?? country, client.City, client.Timezone, client.TotalHires, client.TotalPostedJobs, client.TotalReviews,
                client.Rating?.ToString("0.0", CultureInfo.InvariantCulture), client.PaymentVerified);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(basis.ToLowerInvariant())))[..32];
    }
}

/// <summary>Short names of the flags for chips and headings.</summary>
internal static class RedFlagLabels
{
    public static string Label(string code) => code switch
    {
        RedFlagCodes.OffPlatform => "Off-Upwork contact",
        RedFlagCodes.UnusualPayment => "Unusual payment",
        RedFlagCodes.PersonalDetails => "Asks for personal details",
        RedFlagCodes.UnpaidTest => "Unpaid test",
        RedFlagCodes.ShortLink => "Shortened link",
        RedFlagCodes.ExternalLink => "External link",
        RedFlagCodes.PaymentNotVerified => "Payment not verified",
        RedFlagCodes.NoHires => "No hires",
        RedFlagCodes.LowHireRate => "Low hire rate",
        RedFlagCodes.LowRating => "Low client rating",
        RedFlagCodes.BudgetAboveHistory => "Budget above history",
        RedFlagCodes.BudgetBelowMarket => "Budget below market",
        _ => code,
    };
}
