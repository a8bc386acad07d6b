using System.ComponentModel.DataAnnotations;

namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>
/// Settings under <c>Upwork</c>. The three URLs default to Upwork's real endpoints (docs/upwork-api.md §1.1); tests and
/// demos point them at the fake. Pacing defaults sit under Upwork's published limits (10 requests/s and 300/minute
/// per IP, 40,000/day) with headroom for other apps on the same address.
/// </summary>
internal sealed class UpworkOptions
{
    public const string Section = "Upwork";

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Where Upwork sends the browser back: this app's <c>/upwork/callback</c>, exactly as registered on the key.</summary>
    public string? RedirectUri { get; set; }

    [Required] public string AuthorizeUrl { get; set; } = "https://www.upwork.com/ab/account-security/oauth2/authorize";
    [Required] public string TokenUrl { get; set; } = "https://www.upwork.com/api/v3/oauth2/token";
    [Required] public string GraphQlUrl { get; set; } = "https://api.upwork.com/graphql";

    /// <summary>How often each enabled saved search is polled; never below <see cref="MinimumPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the poller wakes up to look for searches that are due.</summary>
    public TimeSpan SchedulerTick { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 10)] public int RequestsPerSecond { get; set; } = 8;
    [Range(1, 300)] public int RequestsPerMinute { get; set; } = 250;
    [Range(1, 40_000)] public int DailyBudget { get; set; } = 35_000;

    /// <summary>The specification's per-kind hourly budgets (docs/specification.md §10).</summary>
    public UpworkBudgets Budgets { get; set; } = new();

    /// <summary>Jobs per page (Upwork caps a page at 50) and pages per search per run (the first run of a new search reads back this far).</summary>
    [Range(1, 50)] public int PageSize { get; set; } = 50;
    [Range(1, 40)] public int MaxPagesPerRun { get; set; } = 10;

    /// <summary>Retries of a failed Upwork call (429, 5xx, timeout, "Transform timeout") before the run reports an error.</summary>
    [Range(0, 6)] public int MaxRetries { get; set; } = 3;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Upwork's terms: API responses may be kept at most 24 hours (saved or applied-to jobs excepted).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Proposals a user may submit through the API per day (each one is still a human decision).</summary>
    [Range(0, 200)] public int SubmitDailyCap { get; set; } = 20;

    /// <summary>The labelled demo feed on an install with no Upwork connection.</summary>
    public DemoFeedOptions Demo { get; set; } = new();

    public static readonly TimeSpan MinimumPollInterval = TimeSpan.FromSeconds(60);

    public TimeSpan EffectivePollInterval => PollInterval < MinimumPollInterval ? MinimumPollInterval : PollInterval;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(RedirectUri);
}

/// <summary>Hourly request budgets per kind of Upwork call (SPEC: jobs 1000/h, proposals 100/h, messages 500/h).</summary>
internal sealed class UpworkBudgets
{
    public int JobsPerHour { get; set; } = 1000;
    public int ProposalsPerHour { get; set; } = 100;

    /// <summary>
    /// Of <see cref="ProposalsPerHour"/>, what only a human "Submit via Upwork" may use: background proposal calls (the
    /// status sync) stop this far short of the hourly budget, so they can never starve the Submit button. A submit takes
    /// two calls (the screening-question check and <c>createJobProposal</c>): 10 keeps five submits an hour free.
    /// </summary>
    [Range(0, 10_000)] public int SubmitReservePerHour { get; set; } = 10;
    public int MessagesPerHour { get; set; } = 500;
}

/// <summary>Settings under <c>Upwork:Demo</c>.</summary>
internal sealed class DemoFeedOptions
{
    /// <summary>On by default; it still stays silent once any real Upwork account is connected.</summary>
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How many demo jobs a fresh install starts with, so the feed is not empty on first open.</summary>
    [Range(0, 200)] public int InitialJobs { get; set; } = 12;
}
