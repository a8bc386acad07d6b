using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using FakeUpwork;

namespace FakeUpwork.Tests;

public sealed class GraphQlTransportTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("oauth2v2_00000000000000000000000000000000")]
    public async Task Missing_or_unknown_bearer_is_401(string? token)
    {
        await using var api = await FakeApi.StartAsync();
        var (status, body, _) = await api.GraphQlRawAsync(token, "{ user { id } }");

        status.ShouldBe(HttpStatusCode.Unauthorized);
        body.ShouldBe("{\"message\":\"Authentication failed\"}");
    }

    [Fact]
    public async Task Lowercase_bearer_works_and_user_and_organization_answer()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        var (status, body, _) = await api.GraphQlRawAsync(token, "query { user { id nid rid } organization { id } }", scheme: "bearer");

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldBe("{\"data\":{\"user\":{\"id\":\"1181921839933591552\",\"nid\":\"foofreelancer\",\"rid\":\"2366358\"},\"organization\":{\"id\":\"1181921839937785857\"}}}");
    }

    [Fact]
    public async Task Tenant_header_selects_an_organization_of_the_user_or_fails_with_an_error()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();

        var agency = await api.GraphQlAsync(token, "{ organization { id name } }", tenant: FakeUpworkOptions.DefaultAgencyOrgId);
        agency["data"]!["organization"]!["id"]!.GetValue<string>().ShouldBe(FakeUpworkOptions.DefaultAgencyOrgId);

        var foreign = await api.GraphQlAsync(token, "{ organization { id } }", tenant: "999");
        foreign["data"].ShouldBeNull();
        foreign["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("999");
    }

    [Fact]
    public async Task Http500_fault()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        api.Server.Faults.Enqueue(FakeFault.Http500());

        (await api.GraphQlRawAsync(token, "{ user { id } }")).Status.ShouldBe(HttpStatusCode.InternalServerError);
        (await api.GraphQlRawAsync(token, "{ user { id } }")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RateLimited_fault_sends_Retry_After_only_when_given_and_is_not_counted_as_a_limiter_429()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        api.Server.Faults.Enqueue(FakeFault.RateLimited(TimeSpan.FromSeconds(7)));
        api.Server.Faults.Enqueue(FakeFault.RateLimited(null));

        var (status, body, response) = await api.GraphQlRawAsync(token, "{ user { id } }");
        status.ShouldBe(HttpStatusCode.TooManyRequests);
        body.ShouldBe("{\"message\":\"Too Many Requests\"}");
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));

        var second = await api.GraphQlRawAsync(token, "{ user { id } }");
        second.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        second.Response.Headers.RetryAfter.ShouldBeNull();
        api.Server.Stats.RateLimitedResponses.ShouldBe(0);
    }

    [Fact]
    public async Task TransformTimeout_fault_nulls_the_root_field_with_an_error_on_its_path_like_graphql_java()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        api.Server.Faults.Enqueue(FakeFault.TransformTimeout());

        var body = await api.GraphQlAsync(token, "{ marketplaceJobPostingsSearch(searchType: USER_JOBS_SEARCH) { totalCount } user { id } }");

        // {"data":{"<root>":null},"errors":[…]}, not data: null (docs/upwork-api.md §2.1, §7.5); the other root still answers.
        var data = body["data"]!.AsObject();
        data.ContainsKey("marketplaceJobPostingsSearch").ShouldBeTrue();
        data["marketplaceJobPostingsSearch"].ShouldBeNull();
        data["user"]!["id"]!.GetValue<string>().ShouldBe(FakeUpworkOptions.DefaultUserId);
        var error = body["errors"]![0]!;
        error["message"]!.GetValue<string>().ShouldContain("Transform timeout");
        error["path"]!.ToJsonString().ShouldBe("[\"marketplaceJobPostingsSearch\"]");
    }

    [Fact]
    public async Task PartialData_fault_nulls_one_search_node_and_reports_the_path()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        api.Server.Faults.Enqueue(FakeFault.PartialData());

        var body = await api.GraphQlAsync(token, "{ marketplaceJobPostingsSearch(searchType: USER_JOBS_SEARCH) { edges { node { id experienceLevel } } } }");

        var edges = body["data"]!["marketplaceJobPostingsSearch"]!["edges"]!.AsArray();
        edges.Count.ShouldBe(10);
        edges[0]!["node"].ShouldBeNull();
        edges[1]!["node"]!["id"].ShouldNotBeNull();
        var error = body["errors"]![0]!;
        error["message"]!.GetValue<string>().ShouldBe("Cannot return null for non-nullable field MarketplaceJobPostingSearchResult.experienceLevel");
        error["path"]!.ToJsonString().ShouldBe("[\"marketplaceJobPostingsSearch\",\"edges\",0,\"node\",\"experienceLevel\"]");
    }

    [Fact]
    public async Task Slow_fault_delays_then_answers_normally()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        api.Server.Faults.Enqueue(FakeFault.Slow(TimeSpan.FromMilliseconds(300)));

        var watch = Stopwatch.StartNew();
        var body = await api.GraphQlAsync(token, "{ user { id } }");

        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
        body["data"]!["user"]!["id"]!.GetValue<string>().ShouldBe(FakeUpworkOptions.DefaultUserId);
    }

    [Fact]
    public async Task Unauthorized_fault_applies_the_given_number_of_times()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        api.Server.Faults.Enqueue(FakeFault.Unauthorized(), times: 2);

        for (var i = 0; i < 2; i++)
        {
            var (status, body, _) = await api.GraphQlRawAsync(token, "{ user { id } }");
            status.ShouldBe(HttpStatusCode.Unauthorized);
            body.ShouldBe("{\"message\":\"Authentication failed\"}");
        }

        (await api.GraphQlRawAsync(token, "{ user { id } }")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Rate_limiter_answers_429_after_ten_requests_in_a_second()
    {
        await using var api = await FakeApi.StartAsync(realRateLimits: true);
        var token = await api.AccessTokenAsync();
        api.Server.Stats.Reset();

        var results = await Task.WhenAll(Enumerable.Range(0, 15).Select(_ => api.GraphQlRawAsync(token, "{ user { id } }")));

        var limited = results.Where(r => r.Status == HttpStatusCode.TooManyRequests).ToList();
        limited.Count.ShouldBeGreaterThanOrEqualTo(1);
        results.Count(r => r.Status == HttpStatusCode.OK).ShouldBeLessThanOrEqualTo(10);
        limited[0].Body.ShouldBe("{\"message\":\"Too Many Requests\"}");
        limited[0].Response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(60));   // Upwork's block after a 429
        api.Server.Stats.RateLimitedResponses.ShouldBe(limited.Count);
        api.Server.Stats.GraphQlRequests.ShouldBe(15);
        api.Server.Stats.MaxRequestsInAnySecond.ShouldBeGreaterThanOrEqualTo(11);
    }

    [Fact]
    public async Task Once_limited_it_answers_429_until_sixty_seconds_of_its_clock_after_the_last_429()
    {
        await using var api = await FakeApi.StartAsync(realRateLimits: true);
        var token = await api.AccessTokenAsync();
        await Task.WhenAll(Enumerable.Range(0, 15).Select(_ => api.GraphQlRawAsync(token, "{ user { id } }")));
        // From here the windows cannot refuse anything: only the block can.
        api.Server.RateLimits.PerSecond = 10_000;
        api.Server.RateLimits.PerMinute = 100_000;

        (await api.GraphQlRawAsync(token, "{ user { id } }")).Status.ShouldBe(HttpStatusCode.TooManyRequests);
        api.Server.Clock.Advance(TimeSpan.FromSeconds(59));
        // A retry inside the minute is refused and starts the minute again.
        (await api.GraphQlRawAsync(token, "{ user { id } }")).Status.ShouldBe(HttpStatusCode.TooManyRequests);
        api.Server.Clock.Advance(TimeSpan.FromSeconds(59));
        (await api.GraphQlRawAsync(token, "{ user { id } }")).Status.ShouldBe(HttpStatusCode.TooManyRequests);
        api.Server.Clock.Advance(TimeSpan.FromSeconds(60));
        (await api.GraphQlRawAsync(token, "{ user { id } }")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Stats_count_operations_by_root_field_and_log_requests()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        await api.GraphQlAsync(token, "query Jobs($f: MarketplaceJobPostingsSearchFilter) { marketplaceJobPostingsSearch(marketPlaceJobFilter: $f) { totalCount } user { id } }",
            new { f = new { searchExpression_eq = "python" } });

        api.Server.Stats.OperationCount("marketplaceJobPostingsSearch").ShouldBe(1);
        api.Server.Stats.OperationCount("user").ShouldBe(1);
        api.Server.Stats.TokenRequests.ShouldBe(1);
        var record = api.Server.Stats.Requests.Last();
        record.Path.ShouldBe("/graphql");
        record.StatusCode.ShouldBe(200);
        record.VariablesJson!.ShouldContain("python");
    }
}
