using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FakeUpwork.Tests;

/// <summary>Type-level introspection as a schema checker uses it, and the hook that plays Upwork renaming a field.</summary>
public sealed class SchemaEditTests
{
    private const string TypeQuery = """
        query T($name: String!) {
          __type(name: $name) {
            kind name
            fields(includeDeprecated: true) { name isDeprecated args { name defaultValue type { ...R } } type { ...R } }
            inputFields { name defaultValue type { ...R } }
            enumValues(includeDeprecated: true) { name isDeprecated }
          }
        }
        fragment R on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
        """;

    [Fact]
    public async Task One_type_with_its_fields_arguments_input_fields_and_enum_values_is_one_good_faith_request()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();

        var query = await api.GraphQlAsync(token, TypeQuery, new { name = "Query" });
        var search = query["data"]!["__type"]!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "marketplaceJobPosting")!;
        var id = search["args"]!.AsArray().Single()!;
        id["name"]!.GetValue<string>().ShouldBe("id");
        id["type"]!.ToJsonString().ShouldBe("{\"kind\":\"NON_NULL\",\"name\":null,\"ofType\":{\"kind\":\"SCALAR\",\"name\":\"ID\",\"ofType\":null}}");

        var filter = await api.GraphQlAsync(token, TypeQuery, new { name = "VendorProposalFilter" });
        filter["data"]!["__type"]!["kind"]!.GetValue<string>().ShouldBe("INPUT_OBJECT");
        filter["data"]!["__type"]!["inputFields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ShouldContain("status_eq");

        var statuses = await api.GraphQlAsync(token, TypeQuery, new { name = "VendorProposalStatusFilterInput" });
        statuses["data"]!["__type"]!["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ShouldContain("Pending");

        (await api.GraphQlAsync(token, TypeQuery, new { name = "NoSuchType" }))["data"]!["__type"].ShouldBeNull();
    }

    [Fact]
    public async Task A_renamed_field_is_served_under_its_new_name_until_the_built_in_schema_is_restored()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();
        const string Fields = "{ __type(name: \"MarketplaceJobPostingSearchResult\") { fields { name } } }";

        api.Server.UseSchema(FakeUpworkServer.SchemaWithRenamedField("MarketplaceJobPostingSearchResult", "ciphertext", "cipherText"));
        var renamed = (await api.GraphQlAsync(token, Fields))["data"]!["__type"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
        renamed.ShouldContain("cipherText");
        renamed.ShouldNotContain("ciphertext");
        var refused = await api.GraphQlAsync(token, "{ marketplaceJobPostingsSearch { edges { node { ciphertext } } } }");
        refused["errors"]![0]!["message"]!.GetValue<string>().ShouldStartWith("Validation error of type FieldUndefined: ");

        api.Server.UseSchema(null);
        (await api.GraphQlAsync(token, Fields))["data"]!["__type"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ShouldContain("ciphertext");
    }

    [Fact]
    public async Task The_control_endpoint_renames_a_field_or_an_enum_value_and_refuses_an_unknown_one()
    {
        await using var api = await FakeApi.StartAsync();
        var token = await api.AccessTokenAsync();

        var ok = await api.Http.PostAsJsonAsync("/__fake/schema/rename-field", new { type = "VendorProposalStatusFilterInput", field = "Pending", to = "PENDING" });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        var values = await api.GraphQlAsync(token, "{ __type(name: \"VendorProposalStatusFilterInput\") { enumValues { name } } }");
        values["data"]!["__type"]!["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ShouldContain("PENDING");

        (await api.Http.PostAsJsonAsync("/__fake/schema/rename-field", new { type = "Money", field = "nope", to = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.Http.DeleteAsync("/__fake/schema")).StatusCode.ShouldBe(HttpStatusCode.OK);
        values = await api.GraphQlAsync(token, "{ __type(name: \"VendorProposalStatusFilterInput\") { enumValues { name } } }");
        values["data"]!["__type"]!["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ShouldContain("Pending");
    }

    [Fact]
    public async Task A_fake_can_start_with_an_edited_schema()
    {
        await using var api = await FakeApi.StartAsync(o => o.SchemaSdl = FakeUpworkServer.SchemaWithRenamedField("Money", "rawValue", "raw"));
        var body = await api.GraphQlAsync(await api.AccessTokenAsync(), "{ __type(name: \"Money\") { fields { name } } }");
        body["data"]!["__type"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ShouldBe(["raw", "currency", "displayValue"]);
    }
}
