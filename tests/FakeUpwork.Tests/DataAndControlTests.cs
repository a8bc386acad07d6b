using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FakeUpwork;

namespace FakeUpwork.Tests;

public sealed partial class DataAndControlTests
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$")]
    private static partial Regex UpworkDate();

    [GeneratedRegex(@"^\d+\.\d{1,2}$")]
    private static partial Regex MoneyRaw();

    [Fact]
    public async Task Seeded_jobs_look_real_and_are_deterministic_for_a_seed()
    {
        await using var a = await FakeApi.StartAsync(o => { o.Seed = 7; o.StartTime = new DateTimeOffset(2025, 10, 16, 6, 0, 0, TimeSpan.Zero); });
        await using var b = await FakeApi.StartAsync(o => { o.Seed = 7; o.StartTime = new DateTimeOffset(2025, 10, 16, 6, 0, 0, TimeSpan.Zero); });

        a.Server.State.Jobs.Select(j => (j.Id, j.Title, j.FixedAmount)).ShouldBe(b.Server.State.Jobs.Select(j => (j.Id, j.Title, j.FixedAmount)));
        a.Server.State.Jobs.Count.ShouldBe(25);
        a.Server.State.Jobs.Select(j => j.Category).Distinct().Count().ShouldBeGreaterThan(4);

        var body = await a.GraphQlAsync(await a.AccessTokenAsync(), """
            { marketplaceJobPostingsSearch(marketPlaceJobFilter: {pagination_eq: {after: "0", first: 50}}) { edges { node {
                id ciphertext publishedDateTime createdDateTime category description amount { rawValue currency } hourlyBudgetMin { rawValue }
                client { totalFeedback totalSpent { rawValue } location { country } } } } } }
            """);
        foreach (var node in body["data"]!["marketplaceJobPostingsSearch"]!["edges"]!.AsArray().Select(e => e!["node"]!))
        {
            node["id"]!.GetValue<string>().ShouldMatch(@"^\d{19}$");
            node["ciphertext"]!.GetValue<string>().ShouldBe("~02" + node["id"]!.GetValue<string>());
            UpworkDate().IsMatch(node["publishedDateTime"]!.GetValue<string>()).ShouldBeTrue();
            MoneyRaw().IsMatch(node["amount"]!["rawValue"]!.GetValue<string>()).ShouldBeTrue();
            node["amount"]!["currency"]!.GetValue<string>().ShouldBe("USD");
            node["category"]!.GetValue<string>().ShouldMatch("^[a-z_]+$");
            node["description"]!.GetValue<string>().ShouldContain("\n\n");
        }
    }

    [Fact]
    public async Task Control_endpoints_inject_jobs_faults_time_and_report_stats()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        var before = api.Server.State.Jobs.Count;

        (await api.Http.PostAsJsonAsync("/__fake/jobs", new { count = 2 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var custom = await api.Http.PostAsJsonAsync("/__fake/jobs", new { title = "Custom .NET job", jobType = "FIXED", fixedAmount = 900, client = new { country = "IND" } });
        custom.StatusCode.ShouldBe(HttpStatusCode.Created);
        api.Server.State.Jobs.Count.ShouldBe(before + 3);
        var stored = api.Server.State.Jobs[^1];
        stored.Title.ShouldBe("Custom .NET job");
        stored.Client.Country.ShouldBe("IND");
        stored.Client.TotalPostedJobs.ShouldBeGreaterThan(0);

        (await api.Http.PostAsJsonAsync("/__fake/faults", new { kind = "http500", times = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GraphQlRawAsync(token, "{ user { id } }")).Status.ShouldBe(HttpStatusCode.InternalServerError);

        var proposal = api.Server.State.AddProposal(stored.Id);
        (await api.Http.PostAsJsonAsync($"/__fake/proposals/{proposal.Id}/status", new { status = "Hired" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        api.Server.State.Proposals.Single(p => p.Id == proposal.Id).Status.ShouldBe("Hired");

        var now = api.Server.Clock.Now;
        await api.Http.PostAsJsonAsync("/__fake/clock/advance", new { seconds = 3600 });
        api.Server.Clock.Now.ShouldBe(now.AddHours(1));

        var stats = JsonNode.Parse(await api.Http.GetStringAsync("/__fake/stats"))!;
        stats["graphQlRequests"]!.GetValue<int>().ShouldBe(1);
        var state = JsonNode.Parse(await api.Http.GetStringAsync("/__fake/state"))!;
        state["jobs"]!.AsArray().Count.ShouldBe(before + 3);
    }

    [Fact]
    public async Task User_profile_and_company_selector()
    {
        await using var api = await FakeApi.StartAsync();
        var body = await api.GraphQlAsync(await api.AccessTokenAsync(), """
            { user { id name email freelancerProfile { personalData { firstName lastName title chargeRate { rawValue currency } } skills { edges { node { preferredLabel } } } aggregates { jobSuccessScore } } }
              companySelector { items { title organizationId typeTitle } } }
            """);

        body["data"]!["user"]!["name"]!.GetValue<string>().ShouldBe("John S.");
        body["data"]!["user"]!["freelancerProfile"]!["personalData"]!["chargeRate"]!["rawValue"]!.GetValue<string>().ShouldBe("65.0");
        body["data"]!["companySelector"]!["items"]!.AsArray().Count.ShouldBe(2);
    }
}
