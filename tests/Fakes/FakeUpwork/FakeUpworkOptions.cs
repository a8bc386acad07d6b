namespace FakeUpwork;

/// <summary>How a <see cref="FakeUpworkServer"/> starts: its clients, users, seed data and limits.</summary>
public sealed class FakeUpworkOptions
{
    /// <summary>The default client id.</summary>
    public const string DefaultClientId = "ua-test-client";

    /// <summary>The default client secret.</summary>
    public const string DefaultClientSecret = "ua-test-secret";

    /// <summary>The default registered redirect URI (tests usually change it with <see cref="FakeUpworkState.UpdateClient"/>).</summary>
    public const string DefaultRedirectUri = "http://127.0.0.1/callback";

    /// <summary>The default user's id.</summary>
    public const string DefaultUserId = "1181921839933591552";

    /// <summary>The default user's personal (default) organization id.</summary>
    public const string DefaultPersonalOrgId = "1181921839937785857";

    /// <summary>The default user's agency organization id.</summary>
    public const string DefaultAgencyOrgId = "1412233948213456897";

    /// <summary>Registered clients; by default one with <see cref="DefaultClientId"/>, all scopes but Submit Proposal, not enterprise.</summary>
    public IList<FakeClient> Clients { get; set; } = [new FakeClient()];

    /// <summary>Users; by default <see cref="CreateDefaultUser"/>. The first one is the approving user.</summary>
    public IList<FakeUser> Users { get; set; } = [CreateDefaultUser()];

    /// <summary>Rate limits per client IP on /graphql and the token endpoint (real time).</summary>
    public FakeRateLimits RateLimits { get; set; } = new();

    /// <summary>How many realistic jobs to generate at start (published over the last days).</summary>
    public int SeedJobs { get; set; } = 25;

    /// <summary>How many proposals of the first user to generate at start, across statuses.</summary>
    public int SeedProposals { get; set; }

    /// <summary>Seed of the deterministic data generator.</summary>
    public int Seed { get; set; } = 20251016;

    /// <summary>
    /// The SDL to serve instead of the built-in one (e.g. <see cref="FakeUpworkServer.SchemaWithRenamedField"/>), to play
    /// Upwork changing its schema; null for the built-in schema.
    /// </summary>
    public string? SchemaSdl { get; set; }

    /// <summary>Start time of the fake clock; the real UTC now when null.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>
    /// The default user: id "1181921839933591552", nid "foofreelancer", rid "2366358", "John S.",
    /// with a freelancer profile, a personal (default) organization and an agency organization.
    /// </summary>
    /// <returns>A new instance.</returns>
    public static FakeUser CreateDefaultUser() => new()
    {
        Id = DefaultUserId,
        Nid = "foofreelancer",
        Rid = "2366358",
        Name = "John S.",
        Email = "john.s@example.test",
        PhotoUrl = "https://www.upwork.com/profile-portraits/c1_foofreelancer_100.jpg",
        Ciphertext = "~01a3f5c9e2d4b6f80e",
        Organizations =
        [
            new FakeOrganization
            {
                Id = DefaultPersonalOrgId, Rid = "2366412", Name = "John Smith", Type = "SOLE_PROPRIETOR",
                LegacyType = "VENDOR", TypeTitle = "Freelancer", IsDefault = true,
            },
            new FakeOrganization
            {
                Id = DefaultAgencyOrgId, Rid = "3019554", Name = "Smith Digital Studio", Type = "BUSINESS",
                LegacyType = "VENDOR", TypeTitle = "Agency", Agency = true,
            },
        ],
        FreelancerProfile = new FakeFreelancerProfile
        {
            FirstName = "John",
            LastName = "Smith",
            Title = "Senior .NET & React Developer | APIs, Cloud, Automation",
            Description = "I build reliable web applications and integrations with C#/.NET, ASP.NET Core and React.\n\n"
                + "Over the last 9 years I have shipped SaaS back ends, payment integrations and internal tools for "
                + "startups and agencies. I care about clean architecture, tests and clear communication.",
            ChargeRate = 65m,
            Skills = ["C#", ".NET Core", "ASP.NET Core", "React", "TypeScript", "PostgreSQL", "Azure", "REST API"],
            Country = "Portugal",
            City = "Lisbon",
            Timezone = "Europe/Lisbon",
            JobSuccessScore = 97,
            TopRatedStatus = "top_rated",
            TotalHours = 4210.5,
            TotalHourlyJobs = 31,
            TotalFixedJobs = 18,
            TotalFeedback = 4.93,
            TotalEarnings = 182340.55m,
        },
        WorkHistory =
        [
            new FakeWorkHistoryEntry
            {
                ContractId = "38765120", Title = "ASP.NET Core API maintenance and new payment features", Status = "ACTIVE",
                JobType = "HOURLY", HourlyRate = 65m, StartDate = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero),
                TotalCharge = 14820.5m, Hours = 228.0, OpeningId = "1896541236987451203",
            },
            new FakeWorkHistoryEntry
            {
                ContractId = "37110458", Title = "React dashboard for logistics KPIs", Status = "CLOSED", JobType = "FIXED",
                FixedAmount = 2400m, StartDate = new DateTimeOffset(2024, 11, 12, 14, 0, 0, TimeSpan.Zero),
                EndDate = new DateTimeOffset(2025, 1, 20, 17, 30, 0, TimeSpan.Zero), TotalCharge = 2400m,
                FeedbackScore = 5.0, FeedbackComment = "John delivered ahead of schedule and communicated clearly. Highly recommended!",
                OpeningId = "1856321478965412330",
            },
        ],
    };
}

/// <summary>
/// Rate limits of the fake, applied per client IP to /graphql and the token endpoint: windows on real time, the block
/// after a 429 on the fake's clock.
/// </summary>
public sealed class FakeRateLimits
{
    /// <summary>Whether limiting is on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests allowed in any one-second window.</summary>
    public int PerSecond { get; set; } = 10;

    /// <summary>Requests allowed in any sixty-second window.</summary>
    public int PerMinute { get; set; } = 300;

    /// <summary>Requests allowed per UTC day.</summary>
    public int PerDay { get; set; } = 40000;

    /// <summary>
    /// Once the limiter answered 429, it keeps answering 429 until this long after the last 429 it sent, measured on the
    /// fake's clock (Upwork: "unblocked within a minute from the last rate-limited request", docs/upwork-api.md §3).
    /// </summary>
    public TimeSpan BlockFor { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether 429 responses carry a Retry-After header.</summary>
    public bool SendRetryAfter { get; set; } = true;
}
