namespace FakeUpwork;

/// <summary>
/// A marketplace job posting as the fake stores it. Renders as a search node (docs/upwork-api.md §2.2.3)
/// and as a MarketplaceJobPosting (§2.3). A plain mutable class: a stored job may be changed in place by a test.
/// Enum-like strings use the GraphQL enum values (JobType "HOURLY"/"FIXED", ExperienceLevel "ENTRY_LEVEL"/…).
/// </summary>
public sealed class FakeJob
{
    /// <summary>Numeric id, 19 digits as a string; assigned when empty.</summary>
    public string Id { get; set; } = "";

    /// <summary>"~02" + <see cref="Id"/> unless set.</summary>
    public string? Ciphertext { get; set; }

    /// <summary>Record number of the opening; derived from the id when empty.</summary>
    public string? RecordNumber { get; set; }

    /// <summary>Title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Description (may span paragraphs).</summary>
    public string Description { get; set; } = "";

    /// <summary>Skill labels ("Python", "React", ".NET Core").</summary>
    public IList<string> Skills { get; set; } = [];

    /// <summary>Category slug, e.g. "web_mobile_software_dev".</summary>
    public string Category { get; set; } = "";

    /// <summary>Category ontology id, e.g. "531770282580668418".</summary>
    public string CategoryId { get; set; } = "";

    /// <summary>Category label, e.g. "Web, Mobile &amp; Software Dev".</summary>
    public string CategoryLabel { get; set; } = "";

    /// <summary>Subcategory slug, e.g. "web_development".</summary>
    public string Subcategory { get; set; } = "";

    /// <summary>Subcategory id.</summary>
    public string SubcategoryId { get; set; } = "";

    /// <summary>Subcategory label.</summary>
    public string SubcategoryLabel { get; set; } = "";

    /// <summary>Occupation (service) id, if any.</summary>
    public string? OccupationId { get; set; }

    /// <summary>Occupation (service) label, if any.</summary>
    public string? OccupationLabel { get; set; }

    /// <summary>"HOURLY" or "FIXED".</summary>
    public string JobType { get; set; } = "HOURLY";

    /// <summary>Budget of a fixed-price job (USD, &gt; 0).</summary>
    public decimal? FixedAmount { get; set; }

    /// <summary>Minimum hourly rate of an hourly job (null when not provided).</summary>
    public decimal? HourlyMin { get; set; }

    /// <summary>Maximum hourly rate of an hourly job.</summary>
    public decimal? HourlyMax { get; set; }

    /// <summary>"ENTRY_LEVEL", "INTERMEDIATE" or "EXPERT".</summary>
    public string ExperienceLevel { get; set; } = "INTERMEDIATE";

    /// <summary>JobDuration: WEEK, MONTH, QUARTER, SEMESTER or ONGOING (null when not given).</summary>
    public string? Duration { get; set; }

    /// <summary>Human label of the duration ("Less than 1 month", "1 to 3 months", …); derived from <see cref="Duration"/> when null.</summary>
    public string? DurationLabel { get; set; }

    /// <summary>Workload label ("Less than 30 hrs/week", "30+ hrs/week") or null (always null for fixed-price jobs).</summary>
    public string? Engagement { get; set; }

    /// <summary>Number of proposals received.</summary>
    public int TotalApplicants { get; set; }

    /// <summary>Freelancers still to hire (0 means filled).</summary>
    public int FreelancersToHire { get; set; } = 1;

    /// <summary>The client who posted it.</summary>
    public FakeJobClient Client { get; set; } = new();

    /// <summary>Screening questions (sequence numbers are 0-based in order).</summary>
    public IList<string> ScreeningQuestions { get; set; } = [];

    /// <summary>Whether a cover letter is required.</summary>
    public bool CoverLetterRequired { get; set; } = true;

    /// <summary>Publish time; set to the fake clock's now when default.</summary>
    public DateTimeOffset PublishedDateTime { get; set; }

    /// <summary>Creation time; one second before publishing when default.</summary>
    public DateTimeOffset CreatedDateTime { get; set; }

    /// <summary>Renewal time, if renewed.</summary>
    public DateTimeOffset? RenewedDateTime { get; set; }

    /// <summary>Premium posting flag.</summary>
    public bool Premium { get; set; }

    /// <summary>Enterprise client flag.</summary>
    public bool Enterprise { get; set; }

    /// <summary>Preferred freelancer locations (countries).</summary>
    public IList<string> PreferredFreelancerLocation { get; set; } = [];

    /// <summary>Whether the location preference is mandatory.</summary>
    public bool PreferredFreelancerLocationMandatory { get; set; }

    /// <summary>Required English level, e.g. "ANY", "CONVERSATIONAL", "FLUENT".</summary>
    public string? EnglishProficiency { get; set; }

    /// <summary>Preferred minimum Job Success Score.</summary>
    public double? JobSuccessScore { get; set; }

    /// <summary>Preferred minimum hours worked.</summary>
    public int? HoursWorked { get; set; }

    /// <summary>Whether Rising Talent is welcome.</summary>
    public bool RisingTalent { get; set; } = true;

    /// <summary>Whether a portfolio is wanted.</summary>
    public bool HasPortfolio { get; set; }

    /// <summary>Work-flow status of the posting (OPEN, CLOSED, FILLED, CANCELLED).</summary>
    public string Status { get; set; } = "OPEN";

    /// <summary>Invitations the client sent.</summary>
    public int InvitesSent { get; set; }

    /// <summary>Freelancers invited to interview.</summary>
    public int TotalInvitedToInterview { get; set; }

    /// <summary>Freelancers hired.</summary>
    public int TotalHired { get; set; }

    /// <summary>Unanswered invitations.</summary>
    public int TotalUnansweredInvites { get; set; }

    /// <summary>Offers made.</summary>
    public int TotalOffered { get; set; }

    /// <summary>Last client activity, if any.</summary>
    public DateTimeOffset? LastClientActivity { get; set; }

    /// <summary>Tags shown in annotations.</summary>
    public IList<string> Tags { get; set; } = [];
}

/// <summary>The client (buyer) side of a job, as shown in search results.</summary>
public sealed class FakeJobClient
{
    /// <summary>Past hires.</summary>
    public int TotalHires { get; set; }

    /// <summary>Jobs posted.</summary>
    public int TotalPostedJobs { get; set; } = 1;

    /// <summary>Reviews received.</summary>
    public int TotalReviews { get; set; }

    /// <summary>Average rating 0–5 (a float on the wire).</summary>
    public double TotalFeedback { get; set; }

    /// <summary>Lifetime spend in USD (rendered as Money; null when <see cref="HasFinancialPrivacy"/>).</summary>
    public decimal TotalSpent { get; set; }

    /// <summary>Payment verified (verificationStatus "VERIFIED", else null).</summary>
    public bool PaymentVerified { get; set; } = true;

    /// <summary>Country: a name ("United States") or an ISO-3 code ("GBR").</summary>
    public string Country { get; set; } = "United States";

    /// <summary>City.</summary>
    public string? City { get; set; }

    /// <summary>State or region.</summary>
    public string? State { get; set; }

    /// <summary>IANA time zone.</summary>
    public string? Timezone { get; set; }

    /// <summary>Offset to UTC as rendered, e.g. "-05:00".</summary>
    public string? OffsetToUtc { get; set; }

    /// <summary>Company record id.</summary>
    public string CompanyRid { get; set; } = "";

    /// <summary>Company organization uid.</summary>
    public string CompanyOrgUid { get; set; } = "";

    /// <summary>EDC user id.</summary>
    public string EdcUserId { get; set; } = "";

    /// <summary>Whether the client hides its spend.</summary>
    public bool HasFinancialPrivacy { get; set; }

    /// <summary>Member since.</summary>
    public DateTimeOffset? MemberSince { get; set; }
}
