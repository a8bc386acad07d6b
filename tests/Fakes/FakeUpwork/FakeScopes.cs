namespace FakeUpwork;

/// <summary>
/// Internal scope ids (docs/upwork-api.md §1.5) that a <see cref="FakeClient"/> can be granted.
/// Scopes belong to the API key, never to the authorize request.
/// </summary>
public static class FakeScopes
{
    /// <summary>"Common Entities - Read-Only Access": user, organization, companySelector, Money, PageInfo, profiles.</summary>
    public const string Commons = "pub-commons:read:all";

    /// <summary>"Read marketplace Job Postings": marketplaceJobPostingsSearch, marketplaceJobPosting, marketplaceJobPostingsContents.</summary>
    public const string MarketplaceJobPostings = "pub-marketplace-job-postings:read:all";

    /// <summary>"Submit Proposal": the createJobProposal mutation.</summary>
    public const string SubmitProposal = "pub-submit-proposal:write:all";

    /// <summary>"Freelancer profile": the freelancer profile types (own and by profile key).</summary>
    public const string FreelancerProfiles = "pub-freelancer-profiles:write:all";

    /// <summary>"Work history": talentWorkHistory.</summary>
    public const string TalentWorkHistory = "pub-talent-workhistory:read:all";

    /// <summary>"Offer - Read-Only Access". No query of the fake needs it yet; kept so keys can carry it.</summary>
    public const string OfferRead = "pub-offer:read:all";

    /// <summary>"Messages - Read-Only Access". No query of the fake needs it yet (rooms are not implemented).</summary>
    public const string MessagesRead = "pub-messages:read:all";

    /// <summary>
    /// Reading vendor proposals (vendorProposals, vendorProposal). The real id is not documented;
    /// the fake's choice is this one.
    /// </summary>
    public const string ProposalsRead = "pub-proposals:read:all";

    /// <summary>Every scope the fake knows.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Commons, MarketplaceJobPostings, SubmitProposal, FreelancerProfiles, TalentWorkHistory, OfferRead, MessagesRead, ProposalsRead,
    ];

    /// <summary>The default grant of a client: everything except <see cref="SubmitProposal"/> (new in 2026; most keys lack it).</summary>
    public static IReadOnlyList<string> DefaultGrant { get; } = [.. All.Where(s => s != SubmitProposal)];
}
