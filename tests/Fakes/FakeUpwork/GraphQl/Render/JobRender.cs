using System.Globalization;
using System.Text;
using FakeUpwork.Data;

namespace FakeUpwork.GraphQl.Render;

/// <summary>Renders a <see cref="FakeJob"/> as a search node (§2.2.3), a MarketplaceJobPosting (§2.3) and contents. Call under the state lock.</summary>
internal static class JobRender
{
    public static Node SearchNode(FakeJob job, RequestContext request)
    {
        var fixedPrice = job.JobType == "FIXED";
        var engagementDuration = JobCatalog.EngagementDuration(job.Duration);
        var hoursInactive = (int)Math.Max(0, (request.Clock.Now - (job.LastClientActivity ?? job.PublishedDateTime)).TotalHours);
        return new Node
        {
            ["id"] = job.Id,
            ["title"] = job.Title,
            ["description"] = job.Description,
            ["ciphertext"] = Ciphertext(job),
            ["createdDateTime"] = Fmt.Date(job.CreatedDateTime),
            ["publishedDateTime"] = Fmt.Date(job.PublishedDateTime),
            ["renewedDateTime"] = job.RenewedDateTime is { } renewed ? Fmt.Date(renewed) : null,
            ["recordNumber"] = job.RecordNumber ?? job.Id,
            ["duration"] = job.Duration,
            ["durationLabel"] = job.DurationLabel ?? JobCatalog.DurationLabel(job.Duration),
            ["engagement"] = fixedPrice ? null : job.Engagement,
            ["engagementDuration"] = engagementDuration is { } ed ? new Node { ["id"] = ed.Id, ["label"] = ed.Label, ["weeks"] = ed.Weeks } : null,
            ["amount"] = Fmt.Money(fixedPrice ? job.FixedAmount ?? 0m : 0m),
            ["weeklyBudget"] = Fmt.Money(0m),
            ["hourlyBudgetType"] = fixedPrice ? null : job.HourlyMin is null ? "NOT_PROVIDED" : "DEFAULT",
            ["hourlyBudgetMin"] = fixedPrice || job.HourlyMin is null ? null : Fmt.Money(job.HourlyMin.Value),
            ["hourlyBudgetMax"] = fixedPrice || job.HourlyMax is null ? null : Fmt.Money(job.HourlyMax.Value),
            ["experienceLevel"] = job.ExperienceLevel,
            ["category"] = job.Category,
            ["subcategory"] = job.Subcategory,
            ["occupations"] = new Node
            {
                ["category"] = new Node { ["id"] = job.CategoryId, ["prefLabel"] = job.CategoryLabel },
                ["subCategories"] = string.IsNullOrEmpty(job.SubcategoryId)
                    ? null
                    : new List<object?> { new Node { ["id"] = job.SubcategoryId, ["prefLabel"] = job.SubcategoryLabel } },
                ["occupationService"] = job.OccupationId is null ? null : new Node { ["id"] = job.OccupationId, ["prefLabel"] = job.OccupationLabel ?? "" },
            },
            ["skills"] = job.Skills.Select(s => (object?)new Node
            {
                ["id"] = null,
                ["name"] = Ontology.Canonical(s),
                ["prettyName"] = s,
                ["highlighted"] = false,
            }).ToList(),
            ["totalApplicants"] = job.TotalApplicants,
            ["freelancersToHire"] = job.FreelancersToHire,
            ["totalFreelancersToHire"] = null,
            ["applied"] = request.State.HasApplied(request.User.Id, job.Id),
            ["enterprise"] = job.Enterprise,
            ["premium"] = job.Premium,
            ["preferredFreelancerLocation"] = job.PreferredFreelancerLocation.Cast<object?>().ToList(),
            ["preferredFreelancerLocationMandatory"] = job.PreferredFreelancerLocationMandatory,
            ["clientNotSureFields"] = new List<object?>(),
            ["clientPrivateFields"] = job.Client.HasFinancialPrivacy ? new List<object?> { "totalSpent" } : new List<object?>(),
            ["relevance"] = new Node
            {
                ["id"] = job.Id,
                ["effectiveCandidates"] = job.TotalApplicants,
                ["recommendedEffectiveCandidates"] = job.TotalApplicants / 3,
                ["uniqueImpressions"] = (job.TotalApplicants * 11) + 17,
                ["publishTime"] = Fmt.EpochMs(job.PublishedDateTime),
                ["hoursInactive"] = hoursInactive,
            },
            ["relevanceEncoded"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(
                string.Create(CultureInfo.InvariantCulture, $"{{\"id\":\"{job.Id}\",\"publishTime\":{job.PublishedDateTime.ToUnixTimeMilliseconds()},\"proposals\":{job.TotalApplicants}}}"))),
            ["localJobUserDistance"] = null,
            ["teamId"] = null,
            ["freelancerClientRelation"] = null,
            ["job"] = new Func<object?>(() =>
            {
                lock (request.State.Sync)
                {
                    return Detail(job);
                }
            }),
            ["client"] = Client(job.Client),
        };
    }

    public static Node Detail(FakeJob job)
    {
        var fixedPrice = job.JobType == "FIXED";
        var ed = JobCatalog.EngagementDuration(job.Duration);
        var engagementDuration = ed is { } d ? new Node { ["id"] = d.Id, ["label"] = d.Label, ["weeks"] = d.Weeks } : null;
        return new Node
        {
            ["id"] = job.Id,
            ["workFlowState"] = new Node
            {
                ["status"] = job.Status,
                ["closeResult"] = job.Status switch { "FILLED" => "0", "CLOSED" => "1", "CANCELLED" => "2", _ => null },
            },
            ["ownership"] = new Node
            {
                ["company"] = new Node { ["id"] = job.Client.CompanyOrgUid, ["rid"] = job.Client.CompanyRid, ["name"] = null },
                ["team"] = new Node { ["id"] = job.Client.CompanyOrgUid, ["rid"] = job.Client.CompanyRid, ["name"] = null },
            },
            ["annotations"] = Annotations(job),
            ["activityStat"] = new Node
            {
                ["applicationsBidStats"] = null,
                ["jobActivity"] = new Node
                {
                    ["lastClientActivity"] = job.LastClientActivity is { } last ? Fmt.Date(last) : null,
                    ["invitesSent"] = job.InvitesSent,
                    ["totalInvitedToInterview"] = job.TotalInvitedToInterview,
                    ["totalHired"] = job.TotalHired,
                    ["totalUnansweredInvites"] = job.TotalUnansweredInvites,
                    ["totalOffered"] = job.TotalOffered,
                    ["totalRecommended"] = 0,
                },
            },
            ["content"] = new Node { ["title"] = job.Title, ["description"] = job.Description },
            ["attachments"] = new List<object?>(),
            ["classification"] = new Node
            {
                ["category"] = Category(job.CategoryId, job.Category, job.CategoryLabel),
                ["subCategory"] = string.IsNullOrEmpty(job.SubcategoryId) ? null : Category(job.SubcategoryId, job.Subcategory, job.SubcategoryLabel),
                ["occupation"] = job.OccupationId is null ? null : new Node
                {
                    ["id"] = job.OccupationId,
                    ["ontologyId"] = "upworkOccupation:" + Ontology.Canonical(job.OccupationLabel ?? "").Replace("-", "", StringComparison.Ordinal),
                    ["preferredLabel"] = job.OccupationLabel ?? "",
                    ["definition"] = null,
                    ["skills"] = null,
                },
                ["skills"] = job.Skills.Select(s => (object?)Ontology.Skill(s)).ToList(),
                ["additionalSkills"] = new List<object?>(),
            },
            ["segmentationData"] = new Node { ["segmentationValues"] = new List<object?>() },
            ["contractTerms"] = new Node
            {
                ["contractStartDate"] = null,
                ["contractEndDate"] = null,
                ["contractType"] = fixedPrice ? "FIXED_PRICE" : "HOURLY",
                ["onSiteType"] = "REMOTE",
                ["personsToHire"] = Math.Max(1, job.FreelancersToHire),
                ["experienceLevel"] = job.ExperienceLevel,
                ["fixedPriceContractTerms"] = fixedPrice
                    ? new Node { ["amount"] = Fmt.Money(job.FixedAmount ?? 0m), ["maxAmount"] = null, ["engagementDuration"] = engagementDuration }
                    : null,
                ["hourlyContractTerms"] = fixedPrice ? null : new Node
                {
                    ["engagementDuration"] = engagementDuration,
                    ["engagementType"] = job.Engagement switch
                    {
                        "30+ hrs/week" => "FULL_TIME",
                        "Less than 30 hrs/week" => "PART_TIME",
                        _ => "AS_NEEDED",
                    },
                    ["notSureProjectDuration"] = job.Duration is null,
                    ["hourlyBudgetType"] = job.HourlyMin is null ? "NOT_PROVIDED" : "DEFAULT",
                    ["hourlyBudgetMin"] = (double?)job.HourlyMin,
                    ["hourlyBudgetMax"] = (double?)job.HourlyMax,
                },
                ["notSurePersonsToHire"] = false,
                ["notSureExperiencelevel"] = false,
            },
            ["contractorSelection"] = new Node
            {
                ["proposalRequirement"] = new Node
                {
                    ["coverLetterRequired"] = job.CoverLetterRequired,
                    ["freelancerMilestonesAllowed"] = fixedPrice,
                    ["screeningQuestions"] = job.ScreeningQuestions
                        .Select((q, i) => (object?)new Node { ["question"] = q, ["sequenceNumber"] = i }).ToList(),
                },
                ["qualification"] = new Node
                {
                    ["contractorType"] = "ALL",
                    ["englishProficiency"] = job.EnglishProficiency,
                    ["hasPortfolio"] = job.HasPortfolio,
                    ["hoursWorked"] = job.HoursWorked,
                    ["risingTalent"] = job.RisingTalent,
                    ["jobSuccessScore"] = job.JobSuccessScore,
                    ["minEarning"] = null,
                    ["preferredGroups"] = new List<object?>(),
                    ["preferenceTests"] = new List<object?>(),
                    ["minJobSuccessScore"] = null,
                    ["shouldHavePortfolio"] = null,
                },
                ["location"] = new Node
                {
                    ["countries"] = job.PreferredFreelancerLocation.Cast<object?>().ToList(),
                    ["states"] = new List<object?>(),
                    ["timezones"] = new List<object?>(),
                    ["localCheckRequired"] = false,
                    ["localMarket"] = false,
                    ["areas"] = new List<object?>(),
                    ["notSureLocationPreference"] = job.PreferredFreelancerLocation.Count == 0,
                    ["localDescription"] = null,
                    ["localFlexibilityDescription"] = null,
                    ["regions"] = null,
                },
            },
            ["additionalSearchInfo"] = new Node { ["highlightTitle"] = null },
            ["clientCompanyPublic"] = new Node
            {
                ["id"] = job.Client.CompanyOrgUid,
                ["legacyType"] = "CLIENT",
                ["teamsEnabled"] = job.Client.TotalHires > 20,
                ["canHire"] = true,
                ["hidden"] = false,
                ["country"] = new Node
                {
                    ["id"] = null,
                    ["name"] = job.Client.Country,
                    ["twoLetterAbbreviation"] = null,
                    ["threeLetterAbbreviation"] = job.Client.Country.Length == 3 && job.Client.Country.All(char.IsUpper) ? job.Client.Country : null,
                },
                ["state"] = job.Client.State,
                ["city"] = job.Client.City,
                ["timezone"] = job.Client.Timezone,
                ["accountingEntity"] = null,
                ["billingType"] = null,
                ["paymentVerification"] = new Node
                {
                    ["status"] = job.Client.PaymentVerified ? "VERIFIED" : "NOT_VERIFIED",
                    ["paymentVerified"] = job.Client.PaymentVerified,
                },
            },
            ["canClientReceiveContractProposal"] = job.Status == "OPEN",
        };
    }

    public static Node Contents(FakeJob job) => new()
    {
        ["id"] = job.Id,
        ["ciphertext"] = Ciphertext(job),
        ["title"] = job.Title,
        ["description"] = job.Description,
        ["publishedDateTime"] = Fmt.Date(job.PublishedDateTime),
        ["annotations"] = Annotations(job),
    };

    public static string Ciphertext(FakeJob job) => job.Ciphertext ?? "~02" + job.Id;

    private static Node Annotations(FakeJob job) => new()
    {
        ["tags"] = job.Tags.Cast<object?>().ToList(),
        ["customFields"] = new List<object?>(),
    };

    private static Node Category(string id, string slug, string label) => new()
    {
        ["id"] = id,
        ["ontologyId"] = "upworkOccupation:" + slug.Replace("_", "", StringComparison.Ordinal),
        ["preferredLabel"] = label,
        ["definition"] = null,
    };

    private static Node Client(FakeJobClient client) => new()
    {
        ["memberSinceDateTime"] = client.MemberSince is { } since ? Fmt.Date(since) : null,
        ["totalHires"] = client.TotalHires,
        ["totalPostedJobs"] = client.TotalPostedJobs,
        ["totalSpent"] = client.HasFinancialPrivacy ? null : Fmt.Money(client.TotalSpent),
        ["verificationStatus"] = client.PaymentVerified ? "VERIFIED" : null,
        ["location"] = new Node
        {
            ["city"] = client.City,
            ["country"] = client.Country,
            ["timezone"] = client.Timezone,
            ["state"] = client.State,
            ["offsetToUTC"] = client.OffsetToUtc,
        },
        ["totalReviews"] = client.TotalReviews,
        ["totalFeedback"] = client.TotalFeedback,
        ["companyRid"] = client.CompanyRid,
        ["companyName"] = null,
        ["edcUserId"] = client.EdcUserId,
        ["lastContractPlatform"] = null,
        ["lastContractRid"] = null,
        ["lastContractTitle"] = null,
        ["companyOrgUid"] = client.CompanyOrgUid,
        ["hasFinancialPrivacy"] = client.HasFinancialPrivacy,
    };
}
