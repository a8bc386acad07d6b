using System.Net;
using System.Text.Json.Nodes;
using FakeUpwork;

namespace FakeUpwork.Tests;

public sealed class SchemaContractTests
{
    [Theory]
    [InlineData("{ user { id nickname } }", "FieldUndefined")]
    [InlineData("{ marketplaceJobPosting(id: \"1\", foo: 1) { id } }", "UnknownArgument")]
    [InlineData("{ marketplaceJobPosting { id } }", "MissingFieldArgument")]
    [InlineData("{ marketplaceJobPostingsSearch(sortAttributes: [{field: Recency}]) { totalCount } }", "WrongType")]
    [InlineData("{ marketplaceJobPostingsSearch { edges { node { amount } } } }", "SubselectionRequired")]
    [InlineData("{ vendorProposals(filter: {}, sortAttribute: {field: CREATEDDATETIME, sortOrder: DESC}, pagination: {first: 10}) { totalCount } }", "WrongType")]
    // Neither is in Upwork's documented schema (docs/upwork-api.md §2.5): a client asking for them must fail here first.
    [InlineData("{ vendorProposals(filter: {status_eq: Pending}, sortAttribute: {field: MODIFIEDDATETIME, sortOrder: DESC}, pagination: {first: 10}) { totalCount } }", "WrongType")]
    [InlineData("{ vendorProposals(filter: {status_eq: Pending}, sortAttribute: {field: CREATEDDATETIME, sortOrder: DESC}, pagination: {first: 10}) { edges { node { id viewedByClient } } } }", "FieldUndefined")]
    public async Task Invalid_queries_are_engine_validation_errors(string query, string javaType)
    {
        await using var api = await FakeApi.StartAsync();
        var body = await api.GraphQlAsync(await api.AccessTokenAsync(), query);

        body.ContainsKey("data").ShouldBeFalse();
        var error = body["errors"]![0]!;
        error["message"]!.GetValue<string>().ShouldStartWith($"Validation error of type {javaType}: ");
        error["locations"]![0]!["line"]!.GetValue<int>().ShouldBe(1);
        error["extensions"]!.ToJsonString().ShouldBe("{\"classification\":\"ValidationError\"}");
    }

    [Fact]
    public async Task A_String_variable_for_an_ID_argument_is_a_validation_error()
    {
        await using var api = await FakeApi.StartAsync();
        var body = await api.GraphQlAsync(await api.AccessTokenAsync(), "query($id: String!) { marketplaceJobPosting(id: $id) { id } }", new { id = "1" });

        body["errors"]![0]!["message"]!.GetValue<string>()
            .ShouldBe("Validation error of type VariableTypeMismatch: Variable '$id' of type 'String!' used in position expecting type 'ID!'.");
        body["errors"]![0]!["extensions"]!["classification"]!.GetValue<string>().ShouldBe("ValidationError");
    }

    [Fact]
    public async Task Missing_scopes_abort_the_whole_query_with_the_exact_message_and_no_data()
    {
        await using var api = await FakeApi.StartAsync();
        api.Server.State.UpdateClient("ua-test-client", c => c.Scopes.Remove(FakeScopes.Commons));
        var token = await api.AccessTokenAsync();

        var (status, body, _) = await api.GraphQlRawAsync(token,
            "{ marketplaceJobPostingsSearch { pageInfo { hasNextPage endCursor } edges { node { id amount { rawValue currency } } } } }");

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldBe("{\"errors\":[{\"message\":\"The client or authentication token doesn't have enough oauth2 permissions/scopes to access: "
            + "[Money.currency, Money.rawValue, PageInfo.endCursor, PageInfo.hasNextPage].\",\"extensions\":{\"classification\":\"ExecutionAborted\"}}]}");
    }

    [Fact]
    public async Task Scopes_are_checked_inside_fragments()
    {
        await using var api = await FakeApi.StartAsync();
        api.Server.State.UpdateClient("ua-test-client", c => c.Scopes.Remove(FakeScopes.MarketplaceJobPostings));
        var token = await api.AccessTokenAsync();

        var body = await api.GraphQlAsync(token, "query { user { id } ...J } fragment J on Query { marketplaceJobPosting(id: \"1\") { id } }");

        body.ContainsKey("data").ShouldBeFalse();
        body["errors"]![0]!["message"]!.GetValue<string>().ShouldEndWith("[MarketplaceJobPosting.id, Query.marketplaceJobPosting].");
    }

    [Theory]
    [InlineData("{ marketplaceJobPosting(id: \"1\") { activityStat { applicationsBidStats { avgRateBid { rawValue } } } } }", "MarketplacePostingActivityStat.applicationsBidStats")]
    [InlineData("{ marketplaceJobPosting(id: \"1\") { ownership { company { id } } } }", "MarketplacePostingOwnership.company")]
    [InlineData("{ vendorContracts(filter: {vendorId: \"1\"}) { contracts { id } } }", "Query.vendorContracts")]
    [InlineData("{ contractList(ids: [\"1\"]) { contracts { id } } }", "Query.contractList")]
    [InlineData("{ vendorProposals(filter: {status_eq: Pending}, sortAttribute: {field: CREATEDDATETIME, sortOrder: DESC}, pagination: {first: 10}) { organization { id } } }", "VendorProposalsConnection.organization")]
    public async Task Partner_only_fields_are_always_refused(string query, string field)
    {
        await using var api = await FakeApi.StartAsync();
        var body = await api.GraphQlAsync(await api.AccessTokenAsync(), query);

        body["errors"]![0]!["message"]!.GetValue<string>().ShouldContain(field);
        body["errors"]![0]!["extensions"]!["classification"]!.GetValue<string>().ShouldBe("ExecutionAborted");
    }

    [Fact]
    public async Task Introspection_allows_one_type_per_request_and_no_schema()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();

        var one = await api.GraphQlAsync(token, "{ __type(name: \"Money\") { name fields { name } } }");
        one["data"]!["__type"]!["name"]!.GetValue<string>().ShouldBe("Money");

        var two = await api.GraphQlAsync(token, "{ a: __type(name: \"Money\") { name } b: __type(name: \"PageInfo\") { name } }");
        two["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("This request is not asking for introspection in good faith");

        var schema = await api.GraphQlAsync(token, "{ __schema { types { name } } }");
        schema["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("This request is not asking for introspection in good faith");
        schema.ContainsKey("data").ShouldBeFalse();
    }

    [Fact]
    public async Task Execution_errors_carry_a_path_and_a_data_fetching_classification()
    {
        await using var api = await FakeApi.StartAsync();
        var body = await api.GraphQlAsync(await api.AccessTokenAsync(), "{ marketplaceJobPosting(id: \"~021978704153911649005\") { id } }");

        body["data"]!["marketplaceJobPosting"].ShouldBeNull();
        var error = body["errors"]![0]!;
        error["message"]!.GetValue<string>().ShouldContain("not found");
        error["path"]!.ToJsonString().ShouldBe("[\"marketplaceJobPosting\"]");
        error["extensions"]!["classification"]!.GetValue<string>().ShouldBe("DataFetchingException");
    }
}
