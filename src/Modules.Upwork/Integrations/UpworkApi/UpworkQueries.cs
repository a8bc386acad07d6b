namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>One screening question with the user's answer, as <c>CreateJobProposalInput.questions</c> takes it.</summary>
internal sealed record ScreeningAnswer(string Question, string Answer);

/// <summary>The GraphQL operations we send, written against docs/upwork-api.md §2 (field names and types as Upwork has them).</summary>
internal static class UpworkQueries
{
    public static UpworkCall Identity() => new("Identity", """
        query Identity {
          user { id nid rid name email }
          organization { id name }
        }
        """, null, UpworkRequest.ProfileCategory);

    /// <summary>
    /// Newest jobs first for one search. <c>pagination_eq</c> is an offset inside the filter and must always carry
    /// <c>after</c> (Upwork answers 500 without it, §2.2.4).
    /// </summary>
    public static UpworkCall SearchJobs(IReadOnlyDictionary<string, object?> filter, int offset, int pageSize)
    {
        var withPage = new Dictionary<string, object?>(filter)
        {
            ["pagination_eq"] = new Dictionary<string, object?> { ["after"] = offset.ToString(System.Globalization.CultureInfo.InvariantCulture), ["first"] = pageSize },
        };
        return new("SearchJobs", """
            query SearchJobs($filter: MarketplaceJobPostingsSearchFilter) {
              marketplaceJobPostingsSearch(
                marketPlaceJobFilter: $filter
                searchType: USER_JOBS_SEARCH
                sortAttributes: [{ field: RECENCY }]
              ) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges {
                  node {
                    id ciphertext title description createdDateTime publishedDateTime
                    experienceLevel category subcategory duration durationLabel engagement
                    totalApplicants premium enterprise
                    amount { rawValue currency }
                    hourlyBudgetMin { rawValue }
                    hourlyBudgetMax { rawValue }
                    skills { name prettyName }
                    occupations { category { id prefLabel } }
                    client {
                      totalHires totalPostedJobs totalReviews totalFeedback verificationStatus
                      totalSpent { rawValue }
                      location { country city timezone }
                    }
                  }
                }
              }
            }
            """, new { filter = withPage }, UpworkRequest.JobsCategory);
    }

    /// <summary>
    /// One page of the user's proposals in one Upwork status (one status per call; at most 40 per page,
    /// docs/upwork-api.md §2.5). Sorted by <c>CREATEDDATETIME</c>, the only sort field seen in live clients (we read every
    /// page anyway); <c>viewedByClient</c> is not in the documented <c>VendorProposal</c> type, so it is not asked for.
    /// </summary>
    public static UpworkCall VendorProposals(string status, string? after) => new("VendorProposals", """
        query VendorProposals($filter: VendorProposalFilter!, $sort: VendorProposalSortAttribute!, $pagination: Pagination!) {
          vendorProposals(filter: $filter, sortAttribute: $sort, pagination: $pagination) {
            pageInfo { hasNextPage endCursor }
            edges { node { id status { status } marketplaceJobPosting { id } auditDetails { modifiedDateTime { rawValue } } } }
          }
        }
        """, new
    {
        filter = new { status_eq = status },
        sort = new { field = "CREATEDDATETIME", sortOrder = "DESC" },
        pagination = after is null ? (object)new { first = 40 } : new { first = 40, after },
    }, UpworkRequest.ProposalsCategory);

    /// <summary>
    /// Submits a proposal with the answers to the job's screening questions (<c>questions: [{question, answer}]</c>):
    /// spends Connects, so it is sent exactly once and never retried (docs/upwork-api.md §5). It counts in the proposals
    /// hour as a human submit, which may use the reserve background calls leave free.
    /// </summary>
    public static UpworkCall CreateJobProposal(string jobReference, string contractorId, string contractorNid, string teamOrgId, decimal chargedAmount,
        string coverLetter, IReadOnlyList<ScreeningAnswer> answers) =>
        new("CreateJobProposal", """
            mutation CreateJobProposal($input: CreateJobProposalInput!) {
              createJobProposal(input: $input) { newProposalId status error }
            }
            """, new { input = ProposalInput(jobReference, contractorId, contractorNid, teamOrgId, chargedAmount, coverLetter, answers) },
            UpworkRequest.SubmitCategory, NeverRetry: true);

    private static Dictionary<string, object?> ProposalInput(string jobReference, string contractorId, string contractorNid, string teamOrgId,
        decimal chargedAmount, string coverLetter, IReadOnlyList<ScreeningAnswer> answers)
    {
        var input = new Dictionary<string, object?>
        {
            ["jobReference"] = jobReference,
            ["selectedContractor"] = new { id = contractorId, oDeskUserID = contractorNid },
            ["teamOrgId"] = teamOrgId,
            ["chargedAmount"] = chargedAmount,
            ["coverLetter"] = coverLetter,
        };
        // An optional input field: sent only when the job asks something.
        if (answers.Count > 0) input["questions"] = answers.Select(a => new { question = a.Question, answer = a.Answer }).ToList();
        return input;
    }

    /// <summary>
    /// The job's screening questions, read live before a submit (<c>marketplaceJobPosting(id: ID!)</c> →
    /// <c>contractorSelection.proposalRequirement</c>, docs/upwork-api.md §2.3; <c>sequenceNumber</c> is 0-based). The
    /// check inside a submit counts as the submit (<see cref="UpworkRequest.SubmitCategory"/>); opening the dialog as a job read.
    /// </summary>
    public static UpworkCall ScreeningQuestions(string jobId, string category) => new("ScreeningQuestions", """
        query ScreeningQuestions($id: ID!) {
          marketplaceJobPosting(id: $id) {
            id
            contractorSelection { proposalRequirement { coverLetterRequired screeningQuestions { question sequenceNumber } } }
          }
        }
        """, new { id = jobId }, category);

    public static UpworkCall FreelancerProfile() => new("FreelancerProfile", """
        query FreelancerProfile {
          user {
            id name
            freelancerProfile {
              personalData { firstName lastName title description chargeRate { rawValue currency } }
              skills { edges { node { prettyName preferredLabel } } }
            }
          }
        }
        """, null, UpworkRequest.ProfileCategory);
}
