using System.Text.RegularExpressions;

namespace Shared.Text;

/// <summary>
/// Finds where one text quotes another: runs of at least <c>minWords</c> consecutive words that the source also has in a
/// row (case, punctuation and spacing aside). Used to take a job post's words out of a user's letter once Upwork's
/// content may no longer be kept (docs/data-retention.md): the offline writer restates the post's points, and a model may
/// quote it too, so removing the title alone is not enough.
/// </summary>
public static partial class QuotedText
{
    /// <summary>Replaces every quoted run in <paramref name="text"/> with <paramref name="placeholder"/> (adjacent runs become one).</summary>
    public static string Scrub(string text, string? source, string placeholder, int minWords = 4)
    {
        if (string.IsNullOrEmpty(text) || string.IsNullOrWhiteSpace(source)) return text;
        var sourceWords = Words().Matches(source).Select(m => Normal(m.Value)).ToList();
        if (sourceWords.Count < minWords) return text;
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + minWords <= sourceWords.Count; i++) grams.Add(string.Join(' ', sourceWords.Skip(i).Take(minWords)));

        var words = Words().Matches(text).ToList();
        var quoted = new bool[words.Count];
        var any = false;
        for (var i = 0; i + minWords <= words.Count; i++)
        {
            if (!grams.Contains(string.Join(' ', words.Skip(i).Take(minWords).Select(w => Normal(w.Value))))) continue;
            for (var k = i; k < i + minWords; k++) quoted[k] = true;
            any = true;
        }
        if (!any) return text;

        var result = new System.Text.StringBuilder(text.Length);
        var at = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (!quoted[i]) continue;
            var end = i;
            // One run: consecutive quoted words, and the spaces or punctuation between them.
            while (end + 1 < words.Count && quoted[end + 1] && !LineBreak().IsMatch(text[(words[end].Index + words[end].Length)..words[end + 1].Index])) end++;
            result.Append(text, at, words[i].Index - at).Append(placeholder);
            at = words[end].Index + words[end].Length;
            i = end;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    private static string Normal(string word) => word.ToLowerInvariant();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")]
    private static partial Regex Words();

    [GeneratedRegex(@"\n")]
    private static partial Regex LineBreak();
}
