using System.Globalization;
using System.Text;

namespace FakeUpwork.GraphQl.Render;

/// <summary>
/// Rendered GraphQL objects are plain dictionaries keyed by field name; a <see cref="Func{TResult}"/> value is resolved
/// lazily (for nested objects that cost more, such as a search node's <c>job</c>).
/// </summary>
internal sealed class Node : Dictionary<string, object?>
{
    public Node()
        : base(StringComparer.Ordinal)
    {
    }
}

internal static class Ontology
{
    /// <summary>Canonical legacy skill name: "React Native" → "react-native".</summary>
    public static string Canonical(string label)
    {
        var text = new StringBuilder();
        foreach (var c in label.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '.' or '#' or '+')
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        return text.ToString().TrimEnd('-');
    }

    /// <summary>A stable 19-digit id derived from a label, shaped like ontology uids.</summary>
    public static string StableId(string label, string prefix = "1031626")
    {
        ulong hash = 14695981039346656037;
        foreach (var b in Encoding.UTF8.GetBytes(label.ToLowerInvariant()))
        {
            hash = (hash ^ b) * 1099511628211;
        }

        var digits = (hash % 1_000_000_000_000UL).ToString("D12", CultureInfo.InvariantCulture);
        return prefix + digits;
    }

    public static Node Skill(string label) => new()
    {
        ["id"] = StableId(label),
        ["ontologyId"] = "upwork:" + Canonical(label).Replace("-", "", StringComparison.Ordinal),
        ["preferredLabel"] = label,
        ["prettyName"] = label,
        ["legacySkillNid"] = Canonical(label),
        ["definition"] = null,
    };
}
