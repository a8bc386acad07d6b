using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FakeUpwork;

namespace FakeUpwork.Tests;

public sealed class SearchTests
{
    private const string Page = """
        query Page($filter: MarketplaceJobPostingsSearchFilter) {
          marketplaceJobPostingsSearch(marketPlaceJobFilter: $filter, searchType: USER_JOBS_SEARCH, sortAttributes: [{field: RECENCY}]) {
            totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id publishedDateTime } }
          }
        }
        """;

    [Fact]
    public async Task Offset_pagination_walks_every_job_once()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        var seen = new List<string>();
        string? after = "0";
        var pages = 0;
        while (after is not null)
        {
            var body = await api.GraphQlAsync(token, Page, new { filter = new { pagination_eq = new { after, first = 7 } } });
            var connection = body["data"]!["marketplaceJobPostingsSearch"]!;
            var edges = connection["edges"]!.AsArray();
            for (var i = 0; i < edges.Count; i++)
            {
                edges[i]!["cursor"]!.GetValue<string>().ShouldBe((int.Parse(after) + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
                seen.Add(edges[i]!["node"]!["id"]!.GetValue<string>());
            }

            connection["pageInfo"]!["endCursor"]!.GetValue<string>().ShouldBe((int.Parse(after) + edges.Count).ToString(System.Globalization.CultureInfo.InvariantCulture));
            after = connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? connection["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
            connection["totalCount"]!.GetValue<int>().ShouldBe(api.Server.State.Jobs.Count);
            pages++;
        }

        seen.Count.ShouldBe(api.Server.State.Jobs.Count);
        seen.Distinct().Count().ShouldBe(seen.Count);
        pages.ShouldBe((int)Math.Ceiling(seen.Count / 7.0));
    }

    [Fact]
    public async Task Without_pagination_ten_results_and_first_is_capped_at_fifty()
    {
        await using var api = await FakeApi.StartAsync(o => o.SeedJobs = 60);
        var token = await api.AccessTokenAsync();

        var plain = await api.GraphQlAsync(token, Page);
        plain["data"]!["marketplaceJobPostingsSearch"]!["edges"]!.AsArray().Count.ShouldBe(10);

        var big = await api.GraphQlAsync(token, Page, new { filter = new { pagination_eq = new { after = "0", first = 100 } } });
        big["data"]!["marketplaceJobPostingsSearch"]!["edges"]!.AsArray().Count.ShouldBe(50);
    }

    [Fact]
    public async Task Pagination_without_after_is_an_http_500()
    {
        await using var api = await FakeApi.StartAsync();
        var (status, _, _) = await api.GraphQlRawAsync(await api.AccessTokenAsync(), Page, new { filter = new { pagination_eq = new { first = 5 } } });

        status.ShouldBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task Retired_search_types_fail_with_no_longer_supported()
    {
        await using var api = await FakeApi.StartAsync();
        var body = await api.GraphQlAsync(await api.AccessTokenAsync(), "{ marketplaceJobPostingsSearch(searchType: JOBS_FEED) { totalCount } }");

        body["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("No longer supported");
    }

    [Fact]
    public async Task An_injected_job_comes_first_in_recency_order()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        api.Server.Clock.Advance(TimeSpan.FromMinutes(5));
        var job = api.Server.State.GenerateJob(j => j.Title = "Brand new .NET job");

        var body = await api.GraphQlAsync(token, Page, new { filter = new { pagination_eq = new { after = "0", first = 3 } } });

        var first = body["data"]!["marketplaceJobPostingsSearch"]!["edges"]![0]!["node"]!;
        first["id"]!.GetValue<string>().ShouldBe(job.Id);
        first["publishedDateTime"]!.GetValue<string>().ShouldBe(api.Server.Clock.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "+0000");
    }

    [Fact]
    public async Task Filters_narrow_the_results()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        var python = api.Server.State.GenerateJob(j =>
        {
            j.Title = "Quantum Kumquat Python service";
            j.JobType = "HOURLY";
            j.ExperienceLevel = "EXPERT";
            j.HourlyMin = 40m;
            j.HourlyMax = 80m;
            j.FixedAmount = null;
            j.Skills = ["Python", "FastAPI"];
            j.Client.PaymentVerified = true;
            j.Client.TotalHires = 3;
            j.Client.Country = "GBR";
            j.TotalApplicants = 4;
        });

        async Task<List<string>> Ids(object filter)
        {
            var body = await api.GraphQlAsync(token, Page, new { filter });
            return [.. body["data"]!["marketplaceJobPostingsSearch"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>())];
        }

        (await Ids(new { searchExpression_eq = "quantum KUMQUAT" })).ShouldBe([python.Id]);
        (await Ids(new { titleExpression_eq = "Kumquat" })).ShouldBe([python.Id]);
        (await Ids(new { searchExpression_eq = "kumquat", jobType_eq = "FIXED" })).ShouldBeEmpty();
        (await Ids(new { searchExpression_eq = "kumquat", jobType_eq = "HOURLY", experienceLevel_eq = "EXPERT", verifiedPaymentOnly_eq = true })).ShouldBe([python.Id]);
        (await Ids(new { searchExpression_eq = "kumquat", proposalRange_eq = new { rangeEnd = 3 } })).ShouldBeEmpty();
        (await Ids(new { searchExpression_eq = "kumquat", clientHiresRange_eq = new { rangeStart = 1 }, locations_any = new[] { "GBR" } })).ShouldBe([python.Id]);
        (await Ids(new { searchExpression_eq = "kumquat", categoryIds_any = new[] { "1" } })).ShouldBeEmpty();
        (await Ids(new { searchExpression_eq = "kumquat", categoryIds_any = new[] { python.CategoryId } })).ShouldBe([python.Id]);
        (await Ids(new { searchExpression_eq = "kumquat -fastapi" })).ShouldBeEmpty();
        (await Ids(new { skillExpression_eq = "fastapi,cobol", searchExpression_eq = "kumquat" })).ShouldBe([python.Id]);

        (await Ids(new { searchExpression_eq = "kumquat", daysPosted_eq = 2 })).ShouldBe([python.Id]);
        python.PublishedDateTime = api.Server.Clock.Now.AddDays(-3);
        (await Ids(new { searchExpression_eq = "kumquat", daysPosted_eq = 2 })).ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_expressions_are_read_as_strict_lucene()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        var cpp = api.Server.State.GenerateJob(j => { j.Title = "Walrus C++ engine port"; j.Description = "Game engine work."; j.Skills = ["C++"]; });
        var c = api.Server.State.GenerateJob(j => { j.Title = "Walrus embedded C firmware"; j.Description = "Microcontroller work."; j.Skills = ["C"]; });
        var vue = api.Server.State.GenerateJob(j => { j.Title = "Walrus Vue: Nuxt migration"; j.Description = "Frontend work."; j.Skills = ["Vue.js"]; });

        async Task<JsonObject> Search(string expression) =>
            await api.GraphQlAsync(token, Page, new { filter = new { searchExpression_eq = expression, pagination_eq = new { after = "0", first = 50 } } });
        async Task<List<string>> Ids(string expression) =>
            [.. (await Search(expression))["data"]!["marketplaceJobPostingsSearch"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>())];

        (await Ids(@"walrus C\+\+")).ShouldBe([cpp.Id]);                        // escaped: literal
        (await Ids("walrus C++")).ShouldBe([cpp.Id, c.Id], ignoreOrder: true);   // unescaped: the analyzer drops "+", leaving "C"
        (await Ids("walrus AND (firmware OR engine)")).ShouldBe([cpp.Id, c.Id], ignoreOrder: true);
        (await Ids("walrus OR nothinglikeit firmware")).ShouldBe([c.Id]);
        (await Ids("walrus or firmware")).ShouldBeEmpty();                       // lower-case "or" is a word to find, not an operator
        (await Ids("walrus NOT firmware -Nuxt")).ShouldBe([cpp.Id]);
        (await Ids(@"Vue\: Nuxt")).ShouldBe([vue.Id]);

        foreach (var broken in new[] { "Vue: Nuxt", "27\" monitor", "(walrus", "walrus)", "walrus AND", "OR walrus", "walrus^", @"walrus\" })
        {
            var body = await Search(broken);
            body["data"]!["marketplaceJobPostingsSearch"].ShouldBeNull(broken);
            body["errors"]![0]!["message"]!.GetValue<string>().ShouldStartWith($"Cannot parse '{broken}'");
        }
    }

    [Fact]
    public async Task Fixed_and_hourly_nodes_follow_the_live_nullability()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        var fixedJob = api.Server.State.GenerateJob(j => { j.Title = "Fixed zebra"; j.JobType = "FIXED"; j.FixedAmount = 250m; j.HourlyMin = j.HourlyMax = null; });
        var hourlyJob = api.Server.State.GenerateJob(j => { j.Title = "Hourly zebra"; j.JobType = "HOURLY"; j.FixedAmount = null; j.HourlyMin = 15m; j.HourlyMax = 72.11m; j.Engagement = "30+ hrs/week"; });

        var body = await api.GraphQlAsync(token, """
            { marketplaceJobPostingsSearch(marketPlaceJobFilter: {searchExpression_eq: "zebra"}, sortAttributes: [{field: RECENCY}]) {
                edges { node { id ciphertext engagement amount { rawValue currency displayValue } hourlyBudgetMin { rawValue } hourlyBudgetMax { rawValue }
                  occupations { category { id prefLabel } } totalFreelancersToHire
                  job { contractTerms { contractType fixedPriceContractTerms { amount { rawValue } } hourlyContractTerms { hourlyBudgetMin hourlyBudgetMax engagementType } } } } } } }
            """);

        var nodes = body["data"]!["marketplaceJobPostingsSearch"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToDictionary(n => n["id"]!.GetValue<string>());
        var f = nodes[fixedJob.Id];
        f["amount"]!.ToJsonString().ShouldBe("{\"rawValue\":\"250.0\",\"currency\":\"USD\",\"displayValue\":\"250.0\"}");
        f["hourlyBudgetMin"].ShouldBeNull();
        f["hourlyBudgetMax"].ShouldBeNull();
        f["engagement"].ShouldBeNull();
        f["ciphertext"]!.GetValue<string>().ShouldBe("~02" + fixedJob.Id);
        f["totalFreelancersToHire"].ShouldBeNull();
        f["job"]!["contractTerms"]!["contractType"]!.GetValue<string>().ShouldBe("FIXED_PRICE");
        f["job"]!["contractTerms"]!["hourlyContractTerms"].ShouldBeNull();

        var h = nodes[hourlyJob.Id];
        h["amount"]!["rawValue"]!.GetValue<string>().ShouldBe("0.0");
        h["hourlyBudgetMin"]!["rawValue"]!.GetValue<string>().ShouldBe("15.0");
        h["hourlyBudgetMax"]!["rawValue"]!.GetValue<string>().ShouldBe("72.11");
        h["engagement"]!.GetValue<string>().ShouldBe("30+ hrs/week");
        h["job"]!["contractTerms"]!["hourlyContractTerms"]!["engagementType"]!.GetValue<string>().ShouldBe("FULL_TIME");
        h["occupations"]!["category"]!["prefLabel"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Job_detail_and_contents_by_numeric_id()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        var job = api.Server.State.GenerateJob(j => j.ScreeningQuestions = ["Why you?", "When can you start?"]);

        var body = await api.GraphQlAsync(token, """
            query Job($id: ID!, $ids: [ID!]!) {
              marketplaceJobPosting(id: $id) {
                id content { title description } workFlowState { status } canClientReceiveContractProposal
                activityStat { jobActivity { invitesSent totalHired } }
                classification { category { preferredLabel } skills { prettyName } }
                contractorSelection { proposalRequirement { coverLetterRequired screeningQuestions { question sequenceNumber } } qualification { englishProficiency } location { countries } }
                clientCompanyPublic { paymentVerification { paymentVerified } }
              }
              marketplaceJobPostingsContents(ids: $ids) { id ciphertext title publishedDateTime }
            }
            """, new { id = job.Id, ids = new[] { job.Id } });

        var detail = body["data"]!["marketplaceJobPosting"]!;
        detail["content"]!["title"]!.GetValue<string>().ShouldBe(job.Title);
        detail["workFlowState"]!["status"]!.GetValue<string>().ShouldBe("OPEN");
        detail["contractorSelection"]!["proposalRequirement"]!["screeningQuestions"]!.ToJsonString()
            .ShouldBe("[{\"question\":\"Why you?\",\"sequenceNumber\":0},{\"question\":\"When can you start?\",\"sequenceNumber\":1}]");
        body["data"]!["marketplaceJobPostingsContents"]![0]!["ciphertext"]!.GetValue<string>().ShouldBe("~02" + job.Id);
    }
}
