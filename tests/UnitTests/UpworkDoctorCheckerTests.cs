using System.Text.Json;
using Modules.Upwork.Features.DiagnoseUpwork;

namespace UnitTests;

/// <summary>The doctor's checks on a small hand-made live schema: what a real Upwork change would look like to it.</summary>
public sealed class UpworkDoctorCheckerTests
{
    private static TypeRef Named(string kind, string name) => new(kind, name, null);
    private static TypeRef NonNull(TypeRef inner) => new("NON_NULL", null, inner);
    private static TypeRef List(TypeRef inner) => new("LIST", null, inner);

    private static readonly TypeRef Id = Named("SCALAR", "ID"), Str = Named("SCALAR", "String"), Int = Named("SCALAR", "Int");

    private static LiveType Object(string name, params (string Name, TypeRef Type, (string Name, TypeRef Type, string? Default)[] Args, bool Deprecated)[] fields) =>
        new(name, "OBJECT",
            fields.ToDictionary(f => f.Name, f => new LiveField(f.Name, f.Type, f.Args.ToDictionary(a => a.Name, a => new LiveInputValue(a.Name, a.Type, a.Default)), f.Deprecated, f.Deprecated ? "use another" : null)),
            new Dictionary<string, LiveInputValue>(), new Dictionary<string, LiveEnumValue>());

    private static LiveType Input(string name, params (string Name, TypeRef Type)[] fields) =>
        new(name, "INPUT_OBJECT", new Dictionary<string, LiveField>(), fields.ToDictionary(f => f.Name, f => new LiveInputValue(f.Name, f.Type, null)), new Dictionary<string, LiveEnumValue>());

    private static LiveType Enum(string name, params string[] values) =>
        new(name, "ENUM", new Dictionary<string, LiveField>(), new Dictionary<string, LiveInputValue>(), values.ToDictionary(v => v, _ => new LiveEnumValue(false, null)));

    private static LiveType Scalar(string name) =>
        new(name, "SCALAR", new Dictionary<string, LiveField>(), new Dictionary<string, LiveInputValue>(), new Dictionary<string, LiveEnumValue>());

    private static readonly Dictionary<string, LiveType> Schema = new[]
    {
        Object("Query",
            ("job", Named("OBJECT", "Job"), [("id", NonNull(Id), null)], false),
            ("jobs", List(Named("OBJECT", "Job")), [("filter", NonNull(Named("INPUT_OBJECT", "Filter")), null), ("limit", Int, "10")], false)),
        Object("Job", ("id", NonNull(Id), [], false), ("title", Str, [], false), ("oldTitle", Str, [], true), ("money", Named("OBJECT", "Money"), [], false)),
        Object("Money", ("rawValue", Str, [], false)),
        Input("Filter", ("status_eq", NonNull(Named("ENUM", "Status"))), ("ids_any", List(NonNull(Id)))),
        Enum("Status", "Pending", "Hired"),
        Scalar("ID"), Scalar("String"), Scalar("Int"),
    }.ToDictionary(t => t.Name);

    private static async Task<DoctorOperation> CheckAsync(string query, object? variables = null)
    {
        var asked = new List<string>();
        var checker = new QueryChecker((name, _) => Task.FromResult(Schema.GetValueOrDefault(name)), asked.Add);
        var sets = variables is null ? new List<JsonElement?>() : [JsonSerializer.SerializeToElement(variables, JsonSerializerOptions.Web)];
        var result = await checker.CheckAsync("Op", query, sets, CancellationToken.None);
        asked.ShouldBe(asked.Distinct().ToList());   // each type is asked for once
        return result;
    }

    private static List<string> Mismatches(DoctorOperation op) =>
        op.Findings.Where(f => f.Outcome == DoctorOutcome.Mismatch).Select(f => $"{f.Line}: {f.Subject}: {f.Message}").ToList();

    [Fact]
    public async Task A_query_that_fits_the_schema_has_only_matches_and_follows_fragments()
    {
        var op = await CheckAsync("""
            query Op($id: ID!, $filter: Filter!) {
              job(id: $id) { ...J }
              jobs(filter: $filter) { id money { rawValue } }
            }
            fragment J on Job { id title }
            """, new { id = "1", filter = new { status_eq = "Pending", ids_any = new[] { "1", "2" } } });

        Mismatches(op).ShouldBeEmpty();
        op.Findings.Select(f => f.Subject).ShouldContain("Job.title");   // reached through the fragment
        op.Findings.Select(f => f.Subject).ShouldContain("Status.Pending");
        op.Kind.ShouldBe("query");
    }

    [Fact]
    public async Task A_String_variable_for_an_ID_argument_does_not_fit()
    {
        var op = await CheckAsync("query Op($id: String!) {\n  job(id: $id) { id }\n}", new { id = "1" });

        Mismatches(op).ShouldBe(["2: Query.job(id:): expects ID!, but $id is declared as String!"]);
    }

    [Fact]
    public async Task Missing_fields_arguments_selections_and_required_values_are_each_named()
    {
        var op = await CheckAsync("""
            query Op {
              job { id titel money }
              jobs(filter: { status_eq: Fired, nope: 1 }, first: 5) { title { x } }
            }
            """);

        Mismatches(op).ShouldBe(
        [
            "2: Query.job(id:): is required (ID!) but not sent",
            "2: Job.titel: Job has no field titel (did you mean title?)",
            "2: Job.money: is a Money and needs a selection of its fields",
            "3: Query.jobs(first:): Query.jobs has no argument first",
            "3: Status.Fired: Status has no value Fired (did you mean Hired?) (used in Filter.status_eq)",
            "3: Filter.nope: Filter has no input field nope",
            "3: Job.title: is a SCALAR String and takes no selection",
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task Variable_values_are_checked_field_by_field_and_a_deprecated_field_is_a_warning()
    {
        var op = await CheckAsync("query Op($filter: Filter!) {\n  jobs(filter: $filter) { oldTitle }\n}",
            new { filter = new { status = "Pending", ids_any = new object?[] { "1", null } } });

        Mismatches(op).ShouldBe(
        [
            "1: Filter.status: Filter has no input field status (did you mean status_eq?) (sent in $filter)",
            "1: Filter.status_eq: is required (Status!) but not sent in $filter",
            "1: $filter.ids_any[1]: is ID! but is sent empty",
        ], ignoreOrder: true);
        op.Findings.ShouldContain(f => f.Outcome == DoctorOutcome.Warning && f.Subject == "Job.oldTitle" && f.Message == "is deprecated: use another");
    }

    [Fact]
    public async Task A_type_the_schema_does_not_have_is_named_with_the_variable_that_declares_it()
    {
        var op = await CheckAsync("query Op($f: JobFilter) {\n  jobs(filter: $f) { id }\n}");

        Mismatches(op).ShouldContain("1: $f: is declared as JobFilter, but Upwork has no type JobFilter");
        Mismatches(op).ShouldContain("2: Query.jobs(filter:): expects Filter!, but $f is declared as JobFilter");
    }
}
