namespace FakeUpwork.GraphQl;

/// <summary>
/// Which scope each <c>Type.field</c> needs (docs/upwork-api.md §1.5, §7). A field needs its own entry if any, else its type's,
/// else Common Entities. <see cref="Blocked"/> fields are refused for every key (partner-only on Upwork).
/// </summary>
internal static class ScopeMap
{
    public const string Blocked = "<partner-only>";

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["Query.user"] = FakeScopes.Commons,
        ["Query.organization"] = FakeScopes.Commons,
        ["Query.companySelector"] = FakeScopes.Commons,
        ["Query.freelancerProfileByProfileKey"] = FakeScopes.FreelancerProfiles,
        ["Query.marketplaceJobPostingsSearch"] = FakeScopes.MarketplaceJobPostings,
        ["Query.marketplaceJobPosting"] = FakeScopes.MarketplaceJobPostings,
        ["Query.marketplaceJobPostingsContents"] = FakeScopes.MarketplaceJobPostings,
        ["Query.vendorProposals"] = FakeScopes.ProposalsRead,
        ["Query.vendorProposal"] = FakeScopes.ProposalsRead,
        ["Query.talentWorkHistory"] = FakeScopes.TalentWorkHistory,
        ["Query.vendorContracts"] = Blocked,
        ["Query.contractList"] = Blocked,
        ["Mutation.createJobProposal"] = FakeScopes.SubmitProposal,
        ["CurrentUser.freelancerProfile"] = FakeScopes.FreelancerProfiles,
        ["MarketplacePostingActivityStat.applicationsBidStats"] = Blocked,
        ["MarketplaceJobPosting.ownership"] = FakeScopes.MarketplaceJobPostings,
        ["MarketplacePostingOwnership.company"] = Blocked,
        ["MarketplacePostingOwnership.team"] = Blocked,
        ["VendorProposalsConnection.organization"] = Blocked,
        ["MarketplaceLocation.regions"] = Blocked,
        ["MarketplaceQualification.minJobSuccessScore"] = Blocked,
        ["MarketplaceQualification.shouldHavePortfolio"] = Blocked,
    };

    private static readonly Dictionary<string, string> Types = Build();

    public static string Required(string typeName, string fieldName) =>
        Fields.TryGetValue(typeName + "." + fieldName, out var scope) ? scope
        : Types.TryGetValue(typeName, out scope) ? scope
        : FakeScopes.Commons;

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string scope, params string[] types)
        {
            foreach (var type in types)
            {
                map[type] = scope;
            }
        }

        Add(FakeScopes.MarketplaceJobPostings,
            "MarketplaceJobPostingSearchConnection", "MarketplaceJobpostingSearchEdge", "MarketplaceJobPostingSearchResult",
            "MarketplaceJobPostingSearchOccupations", "MarketplaceJobPostingSearchOccupation", "MarketplaceJobPostingSearchSkill",
            "MarketplaceJobPostingSearchRelevance", "FreelancerClientRelation", "MarketplaceJobPostingSearchClientInfo",
            "MarketPlaceJobSearchLocation", "MarketplaceJobPosting", "MarketplacePostingWorkFlowState", "MarketplacePostingOwnership",
            "MarketplacePostingAnnotations", "MarketplacePostingActivityStat", "JobActivity", "MarketplaceJobPostingContent",
            "MarketplacePostingAttachment", "MarketplacePostingClassification", "MarketplaceSegmentationData",
            "MarketplaceSegmentationValue", "MarketplaceSegmentationInfo", "MarketplaceContractTerms", "FixedPriceContractTerms",
            "HourlyContractTerms", "MarketplaceContractorSelection", "MarketplaceProposalRequirements", "MarketplaceQuestion",
            "MarketplaceQualification", "PreferredGroup", "PreferredTest", "MarketplaceLocation", "Area",
            "MarketplaceAdditionalSearchInfo", "MarketplacePublicCompanyInfo", "PaymentVerificationResult",
            "MarketplaceJobPostingsContents", "EngagementDuration");
        Add(Blocked, "ApplicationsBidStats", "ContractSearchResults", "ContractPaging", "ContractList", "ContractDetails");
        Add(FakeScopes.FreelancerProfiles,
            "FreelancerProfile", "FreelancerProfilePersonalData", "FreelancerLocation", "Portrait", "FreelancerSkillsConnection",
            "FreeLancerSkillEdge", "FreelancerProfileAggregates", "FreelancerProfileAvailability");
        Add(FakeScopes.ProposalsRead,
            "VendorProposalsConnection", "VendorProposalsEdge", "VendorProposal", "ProposalTerms", "ProposalEngagementDuration",
            "ProposalProjectPlan", "ProposalMilestones", "ProposalAuditDetails", "VendorProposalStatus", "ProposalReason");
        Add(FakeScopes.TalentWorkHistory,
            "TalentWorkHistoryConnection", "TalentWorkHistory", "TalentContract", "TalentContractTerms", "TalentContractAggregate",
            "TalentContractFeedback", "TalentWorkFeedback", "TalentOpening");
        Add(FakeScopes.SubmitProposal, "CreateJobProposalResponse");
        return map;
    }
}
