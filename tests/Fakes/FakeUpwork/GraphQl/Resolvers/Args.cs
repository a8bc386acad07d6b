using System.Collections;
using System.Globalization;

namespace FakeUpwork.GraphQl.Resolvers;

/// <summary>Reads GraphQL.NET's untyped argument values (dictionaries, object arrays, strings, numbers).</summary>
internal static class Args
{
    public static IDictionary<string, object?>? Dict(IDictionary<string, object?>? source, string key) =>
        source is not null && source.TryGetValue(key, out var value) ? value as IDictionary<string, object?> : null;

    public static bool Has(IDictionary<string, object?>? source, string key) =>
        source is not null && source.TryGetValue(key, out var value) && value is not null;

    public static string? Str(IDictionary<string, object?>? source, string key) =>
        source is not null && source.TryGetValue(key, out var value) ? Text(value) : null;

    public static int? Int(IDictionary<string, object?>? source, string key) =>
        source is not null && source.TryGetValue(key, out var value) && value is not null
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : null;

    public static double? Double(IDictionary<string, object?>? source, string key) =>
        source is not null && source.TryGetValue(key, out var value) && value is not null
            ? Convert.ToDouble(value, CultureInfo.InvariantCulture)
            : null;

    public static bool? Bool(IDictionary<string, object?>? source, string key) =>
        source is not null && source.TryGetValue(key, out var value) && value is bool b ? b : null;

    public static List<string>? List(IDictionary<string, object?>? source, string key) =>
        source is not null && source.TryGetValue(key, out var value) && value is IEnumerable items and not string
            ? [.. items.Cast<object?>().Select(Text).OfType<string>()]
            : null;

    public static List<IDictionary<string, object?>>? Dicts(IDictionary<string, object?>? source, string key) =>
        source is not null && source.TryGetValue(key, out var value) && value is IEnumerable items and not string
            ? [.. items.OfType<IDictionary<string, object?>>()]
            : null;

    public static List<IDictionary<string, object?>>? DictsOf(object? value) =>
        value is IEnumerable items and not string ? [.. items.OfType<IDictionary<string, object?>>()] : null;

    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
