namespace FakeUpwork;

/// <summary>An Upwork user (freelancer) known to the fake.</summary>
public sealed class FakeUser
{
    /// <summary>Unique user id (19 digits), e.g. "1181921839933591552".</summary>
    public string Id { get; set; } = "";

    /// <summary>Nickname id (username), e.g. "foofreelancer"; createJobProposal expects it as selectedContractor.oDeskUserID.</summary>
    public string Nid { get; set; } = "";

    /// <summary>Record id, e.g. "2366358".</summary>
    public string Rid { get; set; } = "";

    /// <summary>Display name, first name plus initial ("John S.").</summary>
    public string Name { get; set; } = "";

    /// <summary>Email address.</summary>
    public string Email { get; set; } = "";

    /// <summary>Photo URL.</summary>
    public string? PhotoUrl { get; set; }

    /// <summary>Profile ciphertext ("~01…"), the key of freelancerProfileByProfileKey.</summary>
    public string Ciphertext { get; set; } = "";

    /// <summary>The user's organizations; the first one flagged <see cref="FakeOrganization.IsDefault"/> (else the first) is the default.</summary>
    public IList<FakeOrganization> Organizations { get; set; } = [];

    /// <summary>The freelancer profile, or null for a user without one.</summary>
    public FakeFreelancerProfile? FreelancerProfile { get; set; }

    /// <summary>Contracts returned by talentWorkHistory.</summary>
    public IList<FakeWorkHistoryEntry> WorkHistory { get; set; } = [];

    /// <summary>The default organization (used when X-Upwork-API-TenantId is absent).</summary>
    public FakeOrganization? DefaultOrganization =>
        Organizations.FirstOrDefault(o => o.IsDefault) ?? Organizations.FirstOrDefault();
}

/// <summary>An organization (company) a user belongs to.</summary>
public sealed class FakeOrganization
{
    /// <summary>Organization id (the value of X-Upwork-API-TenantId and createJobProposal's teamOrgId).</summary>
    public string Id { get; set; } = "";

    /// <summary>Record id.</summary>
    public string Rid { get; set; } = "";

    /// <summary>Name shown in companySelector and organization.</summary>
    public string Name { get; set; } = "";

    /// <summary>companySelector organizationType, e.g. "SOLE_PROPRIETOR" or "BUSINESS".</summary>
    public string Type { get; set; } = "SOLE_PROPRIETOR";

    /// <summary>Legacy type, e.g. "VENDOR" or "CLIENT".</summary>
    public string LegacyType { get; set; } = "VENDOR";

    /// <summary>companySelector typeTitle, e.g. "Freelancer" or "Agency".</summary>
    public string TypeTitle { get; set; } = "Freelancer";

    /// <summary>Whether this is an agency organization.</summary>
    public bool Agency { get; set; }

    /// <summary>Whether this is the user's default organization.</summary>
    public bool IsDefault { get; set; }

    /// <summary>Photo URL, if any.</summary>
    public string? PhotoUrl { get; set; }
}

/// <summary>The freelancer profile of a user.</summary>
public sealed class FakeFreelancerProfile
{
    /// <summary>First name.</summary>
    public string FirstName { get; set; } = "";

    /// <summary>Last name.</summary>
    public string LastName { get; set; } = "";

    /// <summary>Profile title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Profile overview.</summary>
    public string Description { get; set; } = "";

    /// <summary>Hourly rate in USD.</summary>
    public decimal ChargeRate { get; set; }

    /// <summary>Skill labels.</summary>
    public IList<string> Skills { get; set; } = [];

    /// <summary>Country name.</summary>
    public string Country { get; set; } = "";

    /// <summary>City name.</summary>
    public string City { get; set; } = "";

    /// <summary>IANA time zone.</summary>
    public string Timezone { get; set; } = "UTC";

    /// <summary>Job Success Score (0–100).</summary>
    public double JobSuccessScore { get; set; }

    /// <summary>Top Rated status, e.g. "top_rated" or "not_eligible".</summary>
    public string TopRatedStatus { get; set; } = "not_eligible";

    /// <summary>Total billed hours.</summary>
    public double TotalHours { get; set; }

    /// <summary>Number of hourly jobs.</summary>
    public int TotalHourlyJobs { get; set; }

    /// <summary>Number of fixed-price jobs.</summary>
    public int TotalFixedJobs { get; set; }

    /// <summary>Average feedback (0–5).</summary>
    public double TotalFeedback { get; set; }

    /// <summary>Lifetime earnings in USD.</summary>
    public decimal TotalEarnings { get; set; }
}

/// <summary>One contract of a user's work history (talentWorkHistory).</summary>
public sealed class FakeWorkHistoryEntry
{
    /// <summary>Contract id.</summary>
    public string ContractId { get; set; } = "";

    /// <summary>Contract title.</summary>
    public string Title { get; set; } = "";

    /// <summary>TalentContractStatus: ACTIVE, PAUSED or CLOSED.</summary>
    public string Status { get; set; } = "ACTIVE";

    /// <summary>"HOURLY" or "FIXED".</summary>
    public string JobType { get; set; } = "HOURLY";

    /// <summary>Hourly rate for hourly contracts.</summary>
    public decimal? HourlyRate { get; set; }

    /// <summary>Amount for fixed-price contracts.</summary>
    public decimal? FixedAmount { get; set; }

    /// <summary>Start date.</summary>
    public DateTimeOffset StartDate { get; set; }

    /// <summary>End date (null while active).</summary>
    public DateTimeOffset? EndDate { get; set; }

    /// <summary>Total charged so far.</summary>
    public decimal TotalCharge { get; set; }

    /// <summary>Hours logged so far.</summary>
    public double Hours { get; set; }

    /// <summary>Client feedback score (null if none).</summary>
    public double? FeedbackScore { get; set; }

    /// <summary>Client feedback comment.</summary>
    public string? FeedbackComment { get; set; }

    /// <summary>Job posting id of the opening.</summary>
    public string? OpeningId { get; set; }
}
