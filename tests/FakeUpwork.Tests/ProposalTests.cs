using System.Text.Json.Nodes;
using FakeUpwork;

namespace FakeUpwork.Tests;

public sealed class ProposalTests
{
    private const string Proposals = """
        query ProposalCore($filter: VendorProposalFilter!, $sort: VendorProposalSortAttribute!, $pagination: Pagination!) {
          vendorProposals(filter: $filter, sortAttribute: $sort, pagination: $pagination) {
            totalCount pageInfo { endCursor hasNextPage }
            edges { cursor node { id status { status } marketplaceJobPosting { id content { title } }
              terms { chargeRate { rawValue currency } } auditDetails { createdDateTime { rawValue displayValue } modifiedDateTime { rawValue } } } }
          }
        }
        """;

    [Fact]
    public async Task More_than_forty_per_page_is_refused_with_VJCA_6()
    {
        await using var api = await FakeApi.StartAsync();
        var body = await api.GraphQlAsync(await api.AccessTokenAsync(), Proposals, new
        {
            filter = new { status_eq = "Pending" }, sort = new { field = "CREATEDDATETIME", sortOrder = "DESC" }, pagination = new { first = 41 },
        });

        body["data"]!["vendorProposals"].ShouldBeNull();
        body["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("VJCA-6");
    }

    [Fact]
    public async Task Proposals_page_by_cursor_and_follow_status_changes()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        var jobs = api.Server.State.Jobs.Take(3).ToList();
        var created = new List<FakeProposal>();
        foreach (var job in jobs)
        {
            created.Add(api.Server.State.AddProposal(job.Id));
            api.Server.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var ids = new List<string>();
        string? after = null;
        do
        {
            var body = await api.GraphQlAsync(token, Proposals, new
            {
                filter = new { status_eq = "Pending" }, sort = new { field = "CREATEDDATETIME", sortOrder = "DESC" }, pagination = new { first = 2, after },
            });
            var connection = body["data"]!["vendorProposals"]!;
            connection["totalCount"]!.GetValue<int>().ShouldBe(3);
            ids.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            after = connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? connection["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        ids.ShouldBe(created.Select(p => p.Id).Reverse().ToList());

        api.Server.Clock.Advance(TimeSpan.FromHours(1));
        api.Server.State.SetProposalStatus(created[0].Id, "Hired");
        var hired = await api.GraphQlAsync(token, Proposals, new
        {
            filter = new { status_eq = "Hired" }, sort = new { field = "CREATEDDATETIME", sortOrder = "DESC" }, pagination = new { first = 10 },
        });
        var node = hired["data"]!["vendorProposals"]!["edges"]![0]!["node"]!;
        node["status"]!["status"]!.GetValue<string>().ShouldBe("Hired");
        node["auditDetails"]!["modifiedDateTime"]!["rawValue"]!.GetValue<string>()
            .ShouldBe(api.Server.Clock.Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Work_history_lists_active_contracts()
    {
        await using var api = await FakeApi.StartAsync();
        var body = await api.GraphQlAsync(await api.AccessTokenAsync(), $$"""
            { talentWorkHistory(filter: {personId: "{{FakeUpworkOptions.DefaultUserId}}", status: [ACTIVE]}) {
                totalCount workHistoryList { contract { id title status terms { hourlyRate jobType } } } } }
            """);

        body["data"]!["talentWorkHistory"]!["totalCount"]!.GetValue<int>().ShouldBe(1);
        body["data"]!["talentWorkHistory"]!["workHistoryList"]![0]!["contract"]!["status"]!.GetValue<string>().ShouldBe("ACTIVE");
    }

    [Fact]
    public async Task Submitting_needs_the_submit_proposal_scope()
    {
        await using var api = await FakeApi.StartAsync();
        var job = api.Server.State.Jobs[0];
        var body = await api.GraphQlAsync(await api.AccessTokenAsync(), Submit, Input(job));

        body["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("Mutation.createJobProposal");
        body.ContainsKey("data").ShouldBeFalse();
    }

    [Fact]
    public async Task Submitting_creates_a_pending_proposal_marks_applied_and_counts_an_applicant()
    {
        await using var api = await FakeApi.StartAsync();
        api.Server.State.UpdateClient("ua-test-client", c => c.Scopes.Add(FakeScopes.SubmitProposal));
        var token = await api.AccessTokenAsync();
        var job = api.Server.State.GenerateJob(j => j.ScreeningQuestions = ["Why you?"]);
        var applicants = job.TotalApplicants;

        var body = await api.GraphQlAsync(token, Submit, Input(job));

        var result = body["data"]!["createJobProposal"]!;
        result["status"]!.GetValue<string>().ShouldBe("SUCCESS");
        result["error"].ShouldBeNull();
        var proposal = api.Server.State.Proposals.Single(p => p.Id == result["newProposalId"]!.GetValue<string>());
        proposal.Status.ShouldBe("Pending");
        job.TotalApplicants.ShouldBe(applicants + 1);

        var applied = await api.GraphQlAsync(token, "query($id: ID!) { marketplaceJobPosting(id: $id) { id } marketplaceJobPostingsSearch(sortAttributes: [{field: RECENCY}]) { edges { node { id applied } } } }", new { id = job.Id });
        applied["data"]!["marketplaceJobPostingsSearch"]!["edges"]!.AsArray()
            .Single(e => e!["node"]!["id"]!.GetValue<string>() == job.Id)!["node"]!["applied"]!.GetValue<bool>().ShouldBeTrue();

        proposal.Questions.ShouldBe(["Why you?"]);
        proposal.Answers.ShouldBe(["Because."]);

        // A refusal about the job itself is a failed resolver: the payload null, the reason only in errors[].
        var twice = await api.GraphQlAsync(token, Submit, Input(job));
        twice["data"]!["createJobProposal"].ShouldBeNull();
        twice["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("already");
    }

    [Fact]
    public async Task Submitting_needs_an_answer_to_each_screening_question_in_its_own_words()
    {
        await using var api = await FakeApi.StartAsync();
        api.Server.State.UpdateClient("ua-test-client", c => c.Scopes.Add(FakeScopes.SubmitProposal));
        var token = await api.AccessTokenAsync();
        var job = api.Server.State.GenerateJob(j => j.ScreeningQuestions = ["Why you?", "When can you start?"]);

        var partial = await api.GraphQlAsync(token, Submit, Input(job, job.ScreeningQuestions.Take(1)));
        partial["data"]!["createJobProposal"]!["error"]!.GetValue<string>().ShouldContain("When can you start?");
        var reworded = await api.GraphQlAsync(token, Submit, Input(job, ["why you", "When can you start?"]));
        reworded["data"]!["createJobProposal"]!["error"]!.GetValue<string>().ShouldContain("Why you?");
        api.Server.State.Proposals.ShouldNotContain(p => p.JobId == job.Id);
    }

    private const string Submit = """
        mutation Apply($input: CreateJobProposalInput!) { createJobProposal(input: $input) { newProposalId status error } }
        """;

    private static object Input(FakeJob job, IEnumerable<string>? questions = null) => new
    {
        input = new
        {
            jobReference = job.Id,
            selectedContractor = new { id = FakeUpworkOptions.DefaultUserId, oDeskUserID = "foofreelancer" },
            teamOrgId = FakeUpworkOptions.DefaultPersonalOrgId,
            chargedAmount = 55.0,
            coverLetter = "Hello, I can help.",
            questions = (questions ?? job.ScreeningQuestions).Select(q => new { question = q, answer = "Because." }).ToArray(),
        },
    };
}
