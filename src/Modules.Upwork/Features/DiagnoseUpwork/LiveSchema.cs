using System.Text.Json;
using GraphQLParser.AST;
using Modules.Upwork.Integrations.UpworkApi;

namespace Modules.Upwork.Features.DiagnoseUpwork;

/// <summary>
/// One type of Upwork's live schema as <c>__type(name:)</c> tells it. Upwork answers type-level introspection only,
/// one <c>__type</c> per request (several, or <c>__schema</c>, are refused as "not asking for introspection in good
/// faith": docs/upwork-api.md §2.1, §7.3), so the doctor asks for each type it reaches, one request at a time.
/// </summary>
internal sealed record LiveType(
    string Name,
    string Kind,
    IReadOnlyDictionary<string, LiveField> Fields,
    IReadOnlyDictionary<string, LiveInputValue> InputFields,
    IReadOnlyDictionary<string, LiveEnumValue> EnumValues)
{
    public const string OperationName = "UpworkDoctorType";

    /// <summary>Kinds a selection set can be made on.</summary>
    public bool IsComposite => Kind is "OBJECT" or "INTERFACE" or "UNION";

    /// <summary>Kinds a variable may be declared as.</summary>
    public bool IsInput => Kind is "SCALAR" or "ENUM" or "INPUT_OBJECT";

    /// <summary>The request for one type: its fields with their arguments, its input fields and its enum values.</summary>
    public static UpworkCall Request(string name) => new(OperationName, """
        query UpworkDoctorType($name: String!) {
          __type(name: $name) {
            kind name
            fields(includeDeprecated: true) { name isDeprecated deprecationReason args { name defaultValue type { ...TypeRef } } type { ...TypeRef } }
            inputFields { name defaultValue type { ...TypeRef } }
            enumValues(includeDeprecated: true) { name isDeprecated deprecationReason }
          }
        }
        fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        """, new { name }, UpworkRequest.ProfileCategory);

    /// <summary>The type in an answer to <see cref="Request"/>, or null when the schema has no such type.</summary>
    public static LiveType? From(JsonElement? data)
    {
        if (data is not { } d || !d.TryGetProperty("__type", out var t) || t.ValueKind != JsonValueKind.Object) return null;
        return new LiveType(
            t.GetProperty("name").GetString() ?? "",
            t.GetProperty("kind").GetString() ?? "",
            Items(t, "fields").ToDictionary(f => f.GetProperty("name").GetString()!, f => new LiveField(
                f.GetProperty("name").GetString()!,
                TypeRef.From(f.GetProperty("type")),
                Items(f, "args").Select(InputValue).ToDictionary(a => a.Name, StringComparer.Ordinal),
                f.TryGetProperty("isDeprecated", out var dep) && dep.ValueKind == JsonValueKind.True,
                Text(f, "deprecationReason")), StringComparer.Ordinal),
            Items(t, "inputFields").Select(InputValue).ToDictionary(a => a.Name, StringComparer.Ordinal),
            Items(t, "enumValues").ToDictionary(e => e.GetProperty("name").GetString()!, e => new LiveEnumValue(
                e.TryGetProperty("isDeprecated", out var dep) && dep.ValueKind == JsonValueKind.True, Text(e, "deprecationReason")), StringComparer.Ordinal));
    }

    private static IEnumerable<JsonElement> Items(JsonElement e, string name) =>
        e.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private static LiveInputValue InputValue(JsonElement a) =>
        new(a.GetProperty("name").GetString()!, TypeRef.From(a.GetProperty("type")), Text(a, "defaultValue"));

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>A field of an object type, with its arguments.</summary>
internal sealed record LiveField(string Name, TypeRef Type, IReadOnlyDictionary<string, LiveInputValue> Args, bool Deprecated, string? DeprecationReason);

/// <summary>An argument or an input-object field.</summary>
internal sealed record LiveInputValue(string Name, TypeRef Type, string? DefaultValue)
{
    /// <summary>Must be given: non-null and without a default.</summary>
    public bool Required => Type.NonNull && DefaultValue is null;
}

/// <summary>An enum value.</summary>
internal sealed record LiveEnumValue(bool Deprecated, string? DeprecationReason);

/// <summary>A type reference: <c>NON_NULL</c> and <c>LIST</c> wrap a named type.</summary>
internal sealed record TypeRef(string Kind, string? Name, TypeRef? OfType)
{
    public bool NonNull => Kind == "NON_NULL";

    public bool IsList => Kind == "LIST";

    /// <summary>The named type inside the wrappers.</summary>
    public string NamedType => Name ?? OfType?.NamedType ?? "";

    /// <summary>Without its outer non-null wrapper.</summary>
    public TypeRef Nullable => NonNull && OfType is not null ? OfType : this;

    public override string ToString() => Kind switch
    {
        "NON_NULL" => $"{OfType}!",
        "LIST" => $"[{OfType}]",
        _ => Name ?? "?",
    };

    public static TypeRef From(JsonElement e) => new(
        e.GetProperty("kind").GetString() ?? "",
        e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null,
        e.TryGetProperty("ofType", out var o) && o.ValueKind == JsonValueKind.Object ? From(o) : null);

    /// <summary>A type as written in a query (a variable's declared type); the named type's kind is not known there.</summary>
    public static TypeRef From(GraphQLType type) => type switch
    {
        GraphQLNonNullType n => new("NON_NULL", null, From(n.Type)),
        GraphQLListType l => new("LIST", null, From(l.Type)),
        GraphQLNamedType named => new("NAMED", named.Name.StringValue, null),
        _ => new("NAMED", "?", null),
    };

    /// <summary>
    /// Whether a variable declared as this may stand where <paramref name="expected"/> is wanted: the same type, or a
    /// non-null variable for a nullable position (GraphQL spec §5.8.5; graphql-java rejects <c>String!</c> for <c>ID!</c>).
    /// </summary>
    public bool Fits(TypeRef expected)
    {
        if (expected.NonNull) return NonNull && OfType!.Fits(expected.OfType!);
        if (NonNull) return OfType!.Fits(expected);
        if (expected.IsList) return IsList && OfType!.Fits(expected.OfType!);
        return !IsList && Name == expected.Name;
    }
}
